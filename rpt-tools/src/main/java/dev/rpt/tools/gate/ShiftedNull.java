package dev.rpt.tools.gate;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * One-sided tests of "the metric got worse by more than its tolerance": the null hypothesis is {@code worsening ≤ δ},
 * shifted from "no change" by the tolerance δ, as in non-inferiority testing. A true change within the tolerance is
 * then rejected at most at the test's level; a test of "no change" beside a point estimate beyond the tolerance would
 * reject a true worsening exactly at the tolerance in up to half of the builds.
 *
 * <p>Every p-value here is of the shifted null alone; the gate combines it with its test of "no change" (see {@link
 * RegressionCheck}), so a small sample keeps the protection of the exact tests.
 */
final class ShiftedNull {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private ShiftedNull() {}

    /**
     * Tango's score test for paired proportions (Tango 1998, Statistics in Medicine 17:891–908): the one-sided p-value
     * of {@code (worse − better) / n > δ}, the accuracy lost on {@code n} cases scored once on each side.
     *
     * <p>The statistic is {@code (worse − better − nδ) / √(n (2 q̂ + δ(1 − δ)))}, where {@code q̂} is the maximum
     * likelihood estimate of the chance that a case got better, restricted to the null's boundary (the change is
     * exactly δ). At δ = 0 it is McNemar's statistic without continuity correction.
     *
     * @param worse cases that passed in the baseline and fail now
     * @param better cases that failed in the baseline and pass now
     * @param n every shared case, discordant or not
     * @param delta the tolerated worsening, in [0, 1)
     */
    static double tango(int worse, int better, int n, double delta) {
        if (worse < 0 || better < 0 || worse + better > n || n < 1) {
            throw new IllegalArgumentException(
                    "need 0 <= worse + better <= n and n >= 1, got " + worse + ", " + better + ", " + n);
        }
        if (!(delta >= 0 && delta < 1)) {
            throw new IllegalArgumentException("the tolerance must be in [0, 1), got " + delta);
        }
        double q = restrictedBetter(worse, better, n, delta);
        double variance = n * (2 * q + delta * (1 - delta));
        double numerator = worse - better - n * delta;
        if (variance <= 0) {
            // No discordant case and no tolerance: nothing suggests a change.
            return numerator > 0 ? 0.0 : 1.0;
        }
        return 1 - NORMAL.cumulativeProbability(numerator / Math.sqrt(variance));
    }

    /**
     * The maximum likelihood estimate of the chance that a case got better, under the constraint that the chance it got
     * worse is that plus δ: the root in [0, (1 − δ)/2] of Tango's quadratic {@code 2n q² + B q + C = 0}.
     */
    static double restrictedBetter(int worse, int better, int n, double delta) {
        double a = 2.0 * n;
        double b = -worse - better + (2.0 * n - worse + better) * delta;
        double c = -better * delta * (1 - delta);
        return (Math.sqrt(Math.max(0, b * b - 4 * a * c)) - b) / (2 * a);
    }

    /**
     * The one-sided paired t-test of {@code mean(worsenings) > δ}, with the case as the unit: each value is one case's
     * worsening (its baseline pass rate minus its current one, or its current Brier minus its baseline one), so
     * repeated samples of a case are never counted as independent cases.
     *
     * @param worsenings one value per shared case, positive where the case got worse
     * @param delta the tolerated worsening
     */
    static double pairedT(double[] worsenings, double delta) {
        int n = worsenings.length;
        if (n == 0) {
            return 1.0;
        }
        double mean = 0;
        for (double w : worsenings) {
            mean += w;
        }
        mean /= n;
        double sd = n < 2 ? 0 : new StandardDeviation().evaluate(worsenings);
        if (sd == 0) {
            // Every case moved by the same amount: there is no sampling spread to weigh the change against.
            return mean > delta ? 0.0 : 1.0;
        }
        double t = (mean - delta) / (sd / Math.sqrt(n));
        return 1 - new TDistribution(null, n - 1).cumulativeProbability(t);
    }

    /**
     * The percentile-bootstrap p-value of {@code worsening > δ}: the share of resampled worsenings at or below δ, with
     * one added to both counts, so it never claims more than {@code B} resamples can show.
     *
     * @param worsenings the resampled worsenings, centred on the observed one
     * @param delta the tolerated worsening
     */
    static double bootstrap(double[] worsenings, double delta) {
        int atOrBelow = 0;
        for (double w : worsenings) {
            if (w <= delta) {
                atOrBelow++;
            }
        }
        return (1.0 + atOrBelow) / (1.0 + worsenings.length);
    }
}
