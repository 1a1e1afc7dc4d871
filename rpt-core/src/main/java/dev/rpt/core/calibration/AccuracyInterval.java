package dev.rpt.core.calibration;

import java.util.Optional;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.IntervalUtils;

/**
 * The Wilson score interval for accuracy. Wilson rather than the normal approximation because it stays inside
 * {@code [0, 1]} and is not degenerate at 0% or 100%, which small prompt-test suites hit all the time.
 */
final class AccuracyInterval {

    private AccuracyInterval() {}

    /** The interval for {@code correct} successes in {@code n} trials; empty when there are no trials. */
    static Optional<Interval> wilson(int n, int correct, double level) {
        if (n == 0) {
            return Optional.empty();
        }
        ConfidenceInterval interval = IntervalUtils.getWilsonScoreInterval(n, correct, level);
        // At 0% the lower bound is exactly 0 and at 100% the upper is exactly 1; rounding leaves a hair off either, and
        // a report saying "upper 0.9999999999" for a perfect run would read as a defect.
        double lower = correct == 0 ? 0.0 : clamp(interval.getLowerBound());
        double upper = correct == n ? 1.0 : clamp(interval.getUpperBound());
        return Optional.of(new Interval(lower, upper));
    }

    private static double clamp(double value) {
        return Math.min(1.0, Math.max(0.0, value));
    }
}
