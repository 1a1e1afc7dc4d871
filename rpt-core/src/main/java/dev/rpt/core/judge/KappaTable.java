package dev.rpt.core.judge;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.interval.IntervalUtils;
import org.apiguardian.api.API;

/**
 * A judge's verdicts against a person's on one criterion, counted: what Cohen's kappa and its uncertainty are computed
 * from.
 *
 * @param both answers both called met
 * @param judgeOnly answers the judge called met and the person did not
 * @param humanOnly answers the person called met and the judge did not
 * @param neither answers both called not met
 */
@API(status = INTERNAL, since = "0.3")
public record KappaTable(int both, int judgeOnly, int humanOnly, int neither) {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    public KappaTable {
        if (both < 0 || judgeOnly < 0 || humanOnly < 0 || neither < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /** The labelled answers. */
    public int n() {
        return both + judgeOnly + humanOnly + neither;
    }

    /** Cohen's kappa; see {@link JudgeAgreement#kappa(int, int, int, int)}. */
    public OptionalDouble kappa() {
        return JudgeAgreement.kappa(both, judgeOnly, humanOnly, neither);
    }

    /** The agreement their base rates give by chance. */
    double chance() {
        double n = n();
        return ((both + judgeOnly) / n) * ((both + humanOnly) / n)
                + ((humanOnly + neither) / n) * ((judgeOnly + neither) / n);
    }

    /**
     * The large-sample standard error of kappa (Fleiss, Cohen and Everitt, Psychological Bulletin 72, 1969; the
     * variance SAS's PROC FREQ reports): with cell shares {@code p_ij} (rows the judge, columns the person), margins
     * {@code p_i.} and {@code p_.j}, chance agreement {@code p_e} and kappa {@code κ}, {@code Var = (A + B - C) / (n (1 -
     * p_e)²)}, where {@code A = Σ_i p_ii [1 - (p_i. + p_.i)(1 - κ)]²}, {@code B = (1 - κ)² Σ_{i≠j} p_ij (p_.i +
     * p_j.)²} and {@code C = [κ - p_e(1 - κ)]²}. Empty where kappa is undefined.
     */
    public OptionalDouble standardError() {
        OptionalDouble kappa = kappa();
        if (kappa.isEmpty()) {
            return OptionalDouble.empty();
        }
        double n = n();
        double[][] p = {{neither / n, humanOnly / n}, {judgeOnly / n, both / n}};
        double[] row = {p[0][0] + p[0][1], p[1][0] + p[1][1]};
        double[] column = {p[0][0] + p[1][0], p[0][1] + p[1][1]};
        double chance = chance();
        double k = kappa.getAsDouble();
        double a = 0;
        double b = 0;
        for (int i = 0; i < 2; i++) {
            a += p[i][i] * Math.pow(1 - (row[i] + column[i]) * (1 - k), 2);
            int j = 1 - i;
            b += p[i][j] * Math.pow(column[i] + row[j], 2);
        }
        b *= (1 - k) * (1 - k);
        double c = Math.pow(k - chance * (1 - k), 2);
        return OptionalDouble.of(Math.sqrt(Math.max(0.0, (a + b - c) / (n * (1 - chance) * (1 - chance)))));
    }

    /**
     * Kappa's one-sided lower confidence bound at {@code alpha}: the lower of two bounds. The Wald bound {@code κ -
     * z·SE} is the textbook one, but its standard error vanishes at perfect agreement, where six agreeing answers
     * would "prove" a kappa of 1. So the bound is also taken through the observed agreement: Wilson's lower bound on
     * it, with chance agreement held at its estimate, {@code (p_o,lower - p_e) / (1 - p_e)}, which stays honest at
     * the edges. No lower than -1; empty where kappa is undefined.
     */
    public OptionalDouble lowerBound(double alpha) {
        OptionalDouble kappa = kappa();
        if (kappa.isEmpty()) {
            return OptionalDouble.empty();
        }
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha);
        double wald = kappa.getAsDouble() - z * standardError().getAsDouble();
        int agreed = both + neither;
        double observedLower = agreed == 0
                ? 0.0
                : IntervalUtils.getWilsonScoreInterval(n(), agreed, 1 - 2 * alpha)
                        .getLowerBound();
        double chance = chance();
        double throughAgreement = (observedLower - chance) / (1 - chance);
        return OptionalDouble.of(Math.max(-1.0, Math.min(wald, throughAgreement)));
    }
}
