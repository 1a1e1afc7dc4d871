package dev.rpt.core.calibration;

import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.distribution.NormalDistribution;
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

    /**
     * The Wilson interval with the case as the unit, for cases of several samples each: samples of one case are
     * correlated (a question the model gets wrong, it tends to get wrong every time), so they carry less than
     * independent cases would. The cluster-robust variance of the pooled accuracy, {@code K/(K−1) · Σ(c_i − p̂ m_i)² /
     * (Σ m_i)²} over the K cases with {@code m_i} scored samples of which {@code c_i} passed, gives an effective number
     * of trials {@code p̂(1 − p̂) / V}, at most the number of samples; Wilson's interval is then taken at that size
     * (the design-effect approach of survey statistics, Korn and Graubard 1998). When every case has the same pass rate
     * the variance cannot be estimated, and each case counts as one trial.
     *
     * @param cases per case, {@code {scored samples, passed samples}}; cases without a scored sample are ignored
     */
    static Optional<Interval> clustered(List<int[]> cases, double level) {
        List<int[]> scored = cases.stream().filter(c -> c[0] > 0).toList();
        int k = scored.size();
        double samples = scored.stream().mapToInt(c -> c[0]).sum();
        double passed = scored.stream().mapToInt(c -> c[1]).sum();
        if (k == 0) {
            return Optional.empty();
        }
        double p = passed / samples;
        double sum = 0;
        for (int[] c : scored) {
            double residual = c[1] - p * c[0];
            sum += residual * residual;
        }
        double variance = k < 2 ? 0 : (double) k / (k - 1) * sum / (samples * samples);
        double effective = variance > 0 ? Math.min(samples, p * (1 - p) / variance) : k;
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        double z2n = z * z / effective;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / effective + z2n / (4 * effective));
        double lower = passed == 0 ? 0.0 : clamp(centre - half);
        double upper = passed == samples ? 1.0 : clamp(centre + half);
        return Optional.of(new Interval(lower, upper));
    }

    private static double clamp(double value) {
        return Math.min(1.0, Math.max(0.0, value));
    }
}
