package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * A bound on one counter: a minimum, a maximum, or both.
 *
 * @param counter what is bounded
 * @param minimum the lowest acceptable value, if any
 * @param maximum the highest acceptable value, if any
 */
@API(status = INTERNAL, since = "0.1")
public record Limit(Counter counter, OptionalDouble minimum, OptionalDouble maximum) {

    public Limit {
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(maximum, "maximum");
        if (minimum.isEmpty() && maximum.isEmpty()) {
            throw new IllegalArgumentException(
                    "the limit on " + counter + " has neither a minimum nor a maximum; set at least one");
        }
        if (counter != Counter.COST) {
            requireUnit(counter, "minimum", minimum);
            requireUnit(counter, "maximum", maximum);
        } else if (minimum.orElse(0) < 0 || maximum.orElse(0) < 0) {
            throw new IllegalArgumentException("the limit on COST must be a non-negative amount in USD");
        }
        if (minimum.isPresent() && maximum.isPresent() && minimum.getAsDouble() > maximum.getAsDouble()) {
            throw new IllegalArgumentException("the limit on " + counter + " has minimum " + minimum.getAsDouble()
                    + " above maximum " + maximum.getAsDouble());
        }
    }

    /** A lower bound only. */
    public static Limit minimum(Counter counter, double minimum) {
        return new Limit(counter, OptionalDouble.of(minimum), OptionalDouble.empty());
    }

    /** An upper bound only. */
    public static Limit maximum(Counter counter, double maximum) {
        return new Limit(counter, OptionalDouble.empty(), OptionalDouble.of(maximum));
    }

    private static void requireUnit(Counter counter, String which, OptionalDouble bound) {
        bound.ifPresent(value -> {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("the " + which + " of the limit on " + counter
                        + " must be a fraction in [0, 1] (0.8, not 80), got " + value);
            }
        });
    }
}
