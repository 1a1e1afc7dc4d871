package dev.rpt.core.thresholds;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A lower confidence bound on accuracy, which confidence-bound mode holds to a class's minimum instead of the measured
 * accuracy.
 *
 * @param value the bound, in {@code [0, 1]}
 * @param name what it is, for messages, e.g. {@code one-sided 99.5% lower bound}
 */
@API(status = INTERNAL, since = "0.3")
public record LowerBound(double value, String name) {

    /** No scored case: nothing to bound; the accuracy check fails as not measurable before it is used. */
    static final LowerBound NOT_MEASURABLE = new LowerBound(0, "lower bound");

    public LowerBound {
        Objects.requireNonNull(name, "name");
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("a lower bound on accuracy lies in [0, 1], was " + value);
        }
    }
}
