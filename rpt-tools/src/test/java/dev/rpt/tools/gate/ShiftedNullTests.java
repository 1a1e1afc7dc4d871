package dev.rpt.tools.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ShiftedNullTests {

    @Test
    void atNoToleranceTangosTestIsMcNemarsWithoutContinuityCorrection() {
        // z = (30 - 10) / sqrt(40) = 3.1623; one-sided p = 1 - Phi(3.1623) = 0.000783
        assertThat(ShiftedNull.tango(30, 10, 200, 0)).isCloseTo(0.000783, within(1e-5));
    }

    @Test
    void theRestrictedEstimateMaximisesTheLikelihoodOnTheNullsBoundary() {
        int[][] tables = {{30, 10, 200}, {5, 9, 40}, {0, 0, 50}, {12, 0, 60}, {0, 7, 30}};
        for (int[] t : tables) {
            double delta = 0.05;
            double q = ShiftedNull.restrictedBetter(t[0], t[1], t[2], delta);
            // Brute force over the boundary: P(worse) = q + delta, P(better) = q.
            double best = Double.NEGATIVE_INFINITY;
            double argmax = 0;
            for (double x = 1e-7; x < (1 - delta) / 2; x += 1e-5) {
                double ll = t[0] * Math.log(x + delta)
                        + t[1] * Math.log(x)
                        + (t[2] - t[0] - t[1]) * Math.log(1 - 2 * x - delta);
                if (ll > best) {
                    best = ll;
                    argmax = x;
                }
            }
            assertThat(q).as("table %s", java.util.Arrays.toString(t)).isCloseTo(argmax, within(2e-5));
        }
    }

    @Test
    void aWorseningBeyondTheToleranceIsSignificantAndOneWithinItIsNot() {
        // 200 cases: 40 worse, 10 better: the accuracy fell by 0.15.
        assertThat(ShiftedNull.tango(40, 10, 200, 0.02)).isLessThan(0.001);
        // 14 worse, 10 better: it fell by 0.02, exactly the tolerance: no evidence beyond it.
        assertThat(ShiftedNull.tango(14, 10, 200, 0.02)).isGreaterThan(0.4);
        assertThat(ShiftedNull.tango(10, 14, 200, 0.02)).isGreaterThan(0.9);
    }

    @Test
    void aTrueWorseningExactlyAtTheToleranceFailsAtMostAtTheLevel() {
        // Simulated under the null's boundary: every case is 2 points more likely to get worse than better.
        Random random = new Random(7);
        int builds = 4000;
        int n = 300;
        int rejected = 0;
        for (int b = 0; b < builds; b++) {
            int worse = 0;
            int better = 0;
            for (int i = 0; i < n; i++) {
                double u = random.nextDouble();
                if (u < 0.08 + 0.02) {
                    worse++;
                } else if (u < 0.08 + 0.02 + 0.08) {
                    better++;
                }
            }
            if (ShiftedNull.tango(worse, better, n, 0.02) <= 0.05) {
                rejected++;
            }
        }
        // 4,000 builds at a true rate of 5% give 200 +/- 14; allow for the score test's approximation.
        assertThat(rejected / (double) builds).isLessThan(0.065);
    }

    @Test
    void thePairedTTestUsesTheCaseAsTheUnit() {
        double[] same = {0.25, 0.25, 0.25};
        assertThat(ShiftedNull.pairedT(same, 0.125)).isZero();
        assertThat(ShiftedNull.pairedT(same, 0.25)).isEqualTo(1.0);
        // mean 0.1, sd 0.1 over 4 cases: t = (0.1 - 0.02) / 0.05 = 1.6 on 3 degrees of freedom: p = 0.1040
        double[] spread = {0.0, 0.2, 0.2, 0.0};
        double sd = Math.sqrt((0.01 * 4) / 3);
        double t = (0.1 - 0.02) / (sd / 2);
        assertThat(ShiftedNull.pairedT(spread, 0.02))
                .isCloseTo(
                        1 - new org.apache.commons.math3.distribution.TDistribution(3).cumulativeProbability(t),
                        within(1e-12));
        assertThat(ShiftedNull.pairedT(new double[0], 0.02)).isEqualTo(1.0);
    }

    @Test
    void theBootstrapPValueCountsResamplesAtOrBelowTheTolerance() {
        double[] resampled = {0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09};
        assertThat(ShiftedNull.bootstrap(resampled, 0.02)).isEqualTo(3.0 / 10);
        assertThat(ShiftedNull.bootstrap(resampled, 0.0)).isEqualTo(1.0 / 10);
    }
}
