package dev.rpt.core.calibration;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * One bar of a reliability diagram: the cases whose confidence fell into {@code [lower, upper)} (the last equal-width
 * bin also holds {@code 1.0}), how confident the model was on them on average, and how often it was right.
 *
 * @param lower the lower edge
 * @param upper the upper edge
 * @param count the cases in the bin; may be 0
 * @param meanConfidence the mean stated confidence, empty for an empty bin
 * @param accuracy the share of the bin's cases that passed, empty for an empty bin
 */
@API(status = INTERNAL, since = "0.1")
public record ReliabilityBin(
        double lower, double upper, int count, OptionalDouble meanConfidence, OptionalDouble accuracy) {

    public ReliabilityBin {
        Objects.requireNonNull(meanConfidence, "meanConfidence");
        Objects.requireNonNull(accuracy, "accuracy");
        if (count < 0) {
            throw new IllegalArgumentException("count cannot be negative, was " + count);
        }
        if ((count > 0) != meanConfidence.isPresent() || (count > 0) != accuracy.isPresent()) {
            throw new IllegalArgumentException("a bin has a mean confidence and an accuracy exactly when it has cases");
        }
    }

    /** A bin from running totals; the means stay empty when the bin has no cases. */
    static ReliabilityBin of(double lower, double upper, int count, double confidenceSum, int correct) {
        if (count == 0) {
            return new ReliabilityBin(lower, upper, 0, OptionalDouble.empty(), OptionalDouble.empty());
        }
        return new ReliabilityBin(
                lower,
                upper,
                count,
                OptionalDouble.of(confidenceSum / count),
                OptionalDouble.of((double) correct / count));
    }

    /** The absolute gap between accuracy and mean confidence, empty for an empty bin. */
    public OptionalDouble gap() {
        if (count == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.abs(accuracy.getAsDouble() - meanConfidence.getAsDouble()));
    }
}
