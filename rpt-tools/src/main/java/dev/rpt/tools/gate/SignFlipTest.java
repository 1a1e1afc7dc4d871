package dev.rpt.tools.gate;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The paired sign-flip (randomization) test, one-sided for "the current run is worse", on per-case differences of
 * pass rates. When a case's baseline and current samples come from the same prompt, its difference is as likely
 * to be {@code +d} as {@code −d}; the test flips each difference's sign at random and asks how often the flipped sum
 * is as low as the observed one. With one sample per side the differences are −1, 0 and +1 and this is McNemar's
 * exact test, estimated by resampling; with repeated samples it uses the pass rates, which carry more information
 * than pass^N.
 *
 * <p>The p-value is {@code (1 + k) / (1 + B)}, where {@code k} of the {@code B} flipped sums are at or below the
 * observed one: never zero, and never below {@code 1 / (1 + B)}.
 */
final class SignFlipTest {

    /** Sums within this distance count as equal, so that rounding of rates cannot decide a tie. */
    private static final double TIE = 1e-9;

    private SignFlipTest() {}

    /**
     * The one-sided p-value of "the differences lean negative".
     *
     * @param differences per case, the current pass rate minus the baseline's
     * @param resamples random sign assignments, at least 1
     * @param seed the generator's seed, so that a check is reproducible
     */
    static double oneSidedP(double[] differences, int resamples, long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
        }
        double observed = 0;
        for (double d : differences) {
            observed += d;
        }
        RandomGenerator random = new Well19937c(seed);
        int atOrBelow = 0;
        for (int r = 0; r < resamples; r++) {
            double flipped = 0;
            for (double d : differences) {
                flipped += random.nextBoolean() ? d : -d;
            }
            if (flipped <= observed + TIE) {
                atOrBelow++;
            }
        }
        return (1.0 + atOrBelow) / (1.0 + resamples);
    }
}
