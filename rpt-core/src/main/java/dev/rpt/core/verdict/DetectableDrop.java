package dev.rpt.core.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.CaseOutcome;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apiguardian.api.API;

/**
 * The smallest accuracy drop that {@code rpt:check}'s regression test would catch 4 times in 5 for a class of this
 * size, against a baseline run like this one: said before anyone relies on the gate, since 24 cases cannot show a
 * 5-point drop however the test is built.
 *
 * <p>A normal approximation of the paired test: {@code tolerance + (z(1 - a) + z(0.8)) · √(2v / K)} over the K scored
 * cases, at the one-sided level {@code a = alpha / tests} (Bonferroni over the build's tests, which Holm's step-down
 * never does worse than). {@code v} is the mean variance of one case's pass rate within a run: with repeats, each
 * case's {@code p̂(1 - p̂) / (r - 1)} (unbiased for {@code p(1 - p) / r}); with one sample per case, which cannot tell
 * a case's own rate, {@code p(1 - p)} of the class, as if the two runs were independent draws: the cautious end, since
 * cases that are stable from run to run make drops easier to see.
 */
@API(status = INTERNAL, since = "0.3")
public final class DetectableDrop {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    /** The power the drop is stated at. */
    public static final double POWER = 0.8;

    private DetectableDrop() {}

    /**
     * @param byCase each case's samples
     * @param alpha the build's error budget ({@code rpt.check.alpha})
     * @param tests the regression tests that share it (three per class and model that counts)
     * @param tolerance the accuracy tolerance ({@code rpt.check.tolerance.accuracy})
     * @return the drop, in accuracy points as a fraction; empty without two scored cases
     */
    public static OptionalDouble of(List<List<CaseOutcome>> byCase, double alpha, int tests, double tolerance) {
        int cases = 0;
        int samples = 0;
        int passed = 0;
        double withinVariance = 0;
        int repeated = 0;
        for (List<CaseOutcome> caseSamples : byCase) {
            int scored = (int) caseSamples.stream().filter(CaseOutcome::scored).count();
            if (scored == 0) {
                continue;
            }
            int right = (int) caseSamples.stream().filter(CaseOutcome::correct).count();
            cases++;
            samples += scored;
            passed += right;
            if (scored > 1) {
                double rate = (double) right / scored;
                withinVariance += rate * (1 - rate) / (scored - 1);
                repeated++;
            }
        }
        if (cases < 2) {
            return OptionalDouble.empty();
        }
        double p = (double) passed / samples;
        double variance = repeated == cases ? withinVariance / cases : p * (1 - p);
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha / Math.max(1, tests))
                + STANDARD_NORMAL.inverseCumulativeProbability(POWER);
        return OptionalDouble.of(Math.min(1.0, tolerance + z * Math.sqrt(2 * variance / cases)));
    }
}
