package dev.rpt.core.calibration;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * A closed interval of proportions, such as a confidence interval for accuracy.
 *
 * @param lower the lower bound, in {@code [0, 1]}
 * @param upper the upper bound, in {@code [lower, 1]}
 */
@API(status = INTERNAL, since = "0.1")
public record Interval(double lower, double upper) {

    public Interval {
        if (!(lower >= 0.0 && lower <= upper && upper <= 1.0)) {
            throw new IllegalArgumentException(
                    "an interval needs 0 <= lower <= upper <= 1, was [" + lower + ", " + upper + "]");
        }
    }

    /** Whether {@code value} lies inside the interval, bounds included. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
