package dev.rpt.tools.gate;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * McNemar's test of paired pass/fail outcomes, one-sided for "the current run is worse". Only the discordant cases
 * carry information: {@code worse} passed in the baseline and fail now, {@code better} the reverse. Under "no
 * change" each discordant case is equally likely to go either way, so {@code worse} is Binomial(worse + better, 1/2).
 *
 * <p>Below {@value #EXACT_BELOW} discordant cases the exact binomial tail is used: the chi-square approximation is poor
 * there. From {@value #EXACT_BELOW} on, the chi-square statistic with continuity correction {@code (|worse − better| −
 * 1)² / (worse + better)} on one degree of freedom, halved for the one-sided question (and {@code 1 − p/2} when the
 * run moved the other way), as is usual for a one-sided z test.
 */
final class McNemar {

    /** Discordant cases below which the exact test is used. */
    static final int EXACT_BELOW = 25;

    private McNemar() {}

    /**
     * The one-sided p-value of "at least this many cases got worse", given {@code worse + better} discordant cases.
     *
     * @return 1 when there is no discordant case: no evidence of any change
     */
    static double oneSidedP(int worse, int better) {
        if (worse < 0 || better < 0) {
            throw new IllegalArgumentException("discordant counts cannot be negative: " + worse + ", " + better);
        }
        int discordant = worse + better;
        if (discordant == 0) {
            return 1.0;
        }
        if (discordant < EXACT_BELOW) {
            // P(X >= worse) for X ~ Binomial(discordant, 1/2); the random generator is never used for a CDF.
            BinomialDistribution null0 = new BinomialDistribution(null, discordant, 0.5);
            return worse == 0 ? 1.0 : 1.0 - null0.cumulativeProbability(worse - 1);
        }
        double corrected = Math.max(0, Math.abs(worse - better) - 1.0);
        double statistic = corrected * corrected / discordant;
        double twoSided = 1.0 - new ChiSquaredDistribution(null, 1).cumulativeProbability(statistic);
        return worse > better ? twoSided / 2 : 1.0 - twoSided / 2;
    }

    /** Which form {@link #oneSidedP} uses, for messages. */
    static String method(int worse, int better) {
        return worse + better < EXACT_BELOW
                ? "McNemar exact binomial"
                : "McNemar chi-square with continuity correction";
    }
}
