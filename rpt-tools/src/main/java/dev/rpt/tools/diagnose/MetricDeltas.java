package dev.rpt.tools.diagnose;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.Metrics;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * How metrics moved: {@code current - reference}. A value is empty when either side could not be measured.
 *
 * @param accuracy the accuracy change; positive is better
 * @param ece the ECE change; negative is better
 * @param brier the Brier change; negative is better
 */
@API(status = INTERNAL, since = "0.1")
public record MetricDeltas(OptionalDouble accuracy, OptionalDouble ece, OptionalDouble brier) {

    public MetricDeltas {
        Objects.requireNonNull(accuracy, "accuracy");
        Objects.requireNonNull(ece, "ece");
        Objects.requireNonNull(brier, "brier");
    }

    /** The change from {@code reference} to {@code current}. */
    public static MetricDeltas between(Metrics current, Metrics reference) {
        return new MetricDeltas(
                minus(current.accuracy(), reference.accuracy()),
                minus(current.ece(), reference.ece()),
                minus(current.brier(), reference.brier()));
    }

    private static OptionalDouble minus(OptionalDouble a, OptionalDouble b) {
        return a.isPresent() && b.isPresent()
                ? OptionalDouble.of(a.getAsDouble() - b.getAsDouble())
                : OptionalDouble.empty();
    }
}
