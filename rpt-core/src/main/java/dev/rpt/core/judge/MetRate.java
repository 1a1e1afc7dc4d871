package dev.rpt.core.judge;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.thresholds.BoundCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.stat.interval.IntervalUtils;
import org.apiguardian.api.API;

/**
 * How often one criterion of a judged class is met: the judge's own rate over every judged answer, and, where people
 * labelled some answers, that rate corrected by the judge's measured error ({@link CorrectedRate}). {@code
 * @Thresholds(minMetRate)} bounds it.
 *
 * @param criterion the criterion's id
 * @param met the judged answers the judge called met
 * @param judged every judged answer
 * @param corrected the rate corrected with the human verdicts; empty without at least two current ones and an answer
 *     nobody labelled
 */
@API(status = INTERNAL, since = "0.3")
public record MetRate(String criterion, int met, int judged, Optional<CorrectedRate> corrected) {

    public MetRate {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(corrected, "corrected");
        if (met < 0 || judged < met) {
            throw new IllegalArgumentException("met " + met + " of " + judged + " judged answers");
        }
    }

    /** The judge's share of "met"; {@code NaN} without a judged answer. */
    public double judgeRate() {
        return judged == 0 ? Double.NaN : (double) met / judged;
    }

    /** The rate the bound reads in the point-estimate mode: the corrected one when there is one, else the judge's. */
    public double estimate() {
        return corrected.map(CorrectedRate::estimate).orElse(judgeRate());
    }

    /**
     * The one-sided lower confidence bound at {@code alpha} that the confidence-bound mode reads: the corrected rate's
     * ({@link CorrectedRate#lowerBound}), else Wilson's on the judge's own rate (the lower end of its {@code 1 - 2α}
     * interval), which takes the judge at its word.
     */
    public double lowerBound(double alpha) {
        if (corrected.isPresent()) {
            return corrected.get().lowerBound(alpha);
        }
        return met == 0
                ? 0.0
                : Math.max(
                        0.0,
                        IntervalUtils.getWilsonScoreInterval(judged, met, 1 - 2 * alpha)
                                .getLowerBound());
    }

    /**
     * {@code @Thresholds(minMetRate)} as bounds, one per criterion: the estimate (or, with {@code boundAlpha}, its
     * one-sided lower bound at that level) must reach the minimum. Without a judged answer it is one failed bound.
     */
    public static List<BoundCheck> checks(List<MetRate> rates, double minimum, OptionalDouble boundAlpha) {
        String limit = String.format(Locale.ROOT, "≥ %.3f", minimum) + (boundAlpha.isPresent() ? " (lower bound)" : "");
        List<BoundCheck> checks = new ArrayList<>();
        for (MetRate rate : rates) {
            if (rate.judged() == 0) {
                continue;
            }
            double compared = boundAlpha.isPresent() ? rate.lowerBound(boundAlpha.getAsDouble()) : rate.estimate();
            boolean holds = compared >= minimum;
            String measured = rate.describe()
                    + (boundAlpha.isPresent() ? String.format(Locale.ROOT, ", lower bound %.3f", compared) : "");
            String metric = "met rate of '" + rate.criterion() + "'";
            String failure = metric + ": " + measured + " is below @Thresholds(minMetRate = " + minimum + ")"
                    + (boundAlpha.isPresent()
                            ? String.format(
                                    Locale.ROOT,
                                    " (confidence-bound mode: the one-sided %s%% lower bound must" + " reach it)",
                                    JudgeAgreement.percent(1 - boundAlpha.getAsDouble()))
                            : "");
            checks.add(new BoundCheck(metric, limit, measured, holds, holds ? "holds" : failure));
        }
        if (checks.isEmpty()) {
            checks.add(new BoundCheck(
                    "met rate",
                    limit,
                    "no judged answer",
                    false,
                    "@Thresholds(minMetRate = " + minimum + ") needs judged answers, and no case of the class was"
                            + " judged: declare a Criterion on its test methods, or remove the bound."));
        }
        return checks;
    }

    /**
     * E.g. {@code corrected 0.600 [0.337, 0.863] (judge 0.760 on 100, 20 human verdicts)}, or {@code judge 0.760 on
     * 100, not corrected (…)} when there is nothing to correct it with.
     */
    public String describe() {
        return corrected
                .map(rate -> String.format(
                        Locale.ROOT,
                        "corrected %.3f [%.3f, %.3f] (judge %.3f on %d, %d human verdicts)",
                        rate.estimate(),
                        rate.interval().lower(),
                        rate.interval().upper(),
                        judgeRate(),
                        judged,
                        rate.labelled()))
                .orElse(String.format(
                        Locale.ROOT,
                        "judge %.3f on %d, not corrected (that needs two current human verdicts and an answer nobody"
                                + " labelled)",
                        judgeRate(),
                        judged));
    }
}
