package dev.rpt.core.judge;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.Interval;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apiguardian.api.API;

/**
 * How often a criterion is met, estimated with the judge's measured error inside it: prediction-powered inference
 * (Angelopoulos, Bates, Fannjiang, Jordan and Zrnic, Science 382, 2023). The judge's rate on the answers nobody
 * labelled is corrected by the mean of (human - judge) on the answers a person did label: {@code θ = mean(f̃) +
 * mean(y - f)}, with variance {@code s²(f̃)/N + s²(y - f)/n}. A judge that calls too much "met" is pulled down by
 * exactly as much as the labelled answers show, and the interval widens with the judge's disagreement and the few
 * labels; with a judge that always agrees, it is about as narrow as the judge's own.
 *
 * <p>Both variances are taken with pseudo-observations, as Agresti and Coull do for a proportion: the judge's rate at
 * {@code (met + 1) / (N + 2)}, and the differences with one +1 and one -1 added. The estimate itself uses the plain
 * means. Without them, three labelled answers on which the judge was wrong each time would give a variance of 0 and an
 * interval of one point, claiming certainty that three labels cannot give.
 *
 * @param judgeRate the judge's share of "met" over every judged answer, labelled or not
 * @param judged every judged answer
 * @param labelled the answers with a current human verdict
 * @param estimate the corrected rate, in [0, 1]
 * @param interval its 95% interval (normal, clamped to [0, 1])
 * @param standardError the estimate's standard error, from both parts
 */
@API(status = INTERNAL, since = "0.3")
public record CorrectedRate(
        double judgeRate, int judged, int labelled, double estimate, Interval interval, double standardError) {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    private static final double Z = STANDARD_NORMAL.inverseCumulativeProbability(0.975);

    /**
     * @param unlabelledMet the judge's "met" verdicts on the answers without a current human verdict
     * @param unlabelled those answers
     * @param pairs the labelled answers as {judge met, human met}
     * @return empty without an unlabelled answer or with fewer than two labelled ones, where there is nothing to
     *     correct or nothing to correct it with
     */
    public static Optional<CorrectedRate> of(int unlabelledMet, int unlabelled, List<boolean[]> pairs) {
        int n = pairs.size();
        if (unlabelled < 1 || n < 2) {
            return Optional.empty();
        }
        double judgeMean = (double) unlabelledMet / unlabelled;
        double smoothed = (unlabelledMet + 1.0) / (unlabelled + 2.0);
        double judgeVariance = smoothed * (1 - smoothed);
        double[] differences = pairs.stream()
                .mapToDouble(pair -> (pair[1] ? 1 : 0) - (pair[0] ? 1 : 0))
                .toArray();
        double correction = Arrays.stream(differences).average().orElse(0);
        // One +1 and one -1 added for the variance only: their sum is 0, so the smoothed mean is n/(n+2) of the mean.
        double smoothedMean = correction * n / (n + 2.0);
        double squares = Arrays.stream(differences)
                        .map(d -> (d - smoothedMean) * (d - smoothedMean))
                        .sum()
                + Math.pow(1 - smoothedMean, 2)
                + Math.pow(-1 - smoothedMean, 2);
        double correctionVariance = squares / (n + 1);
        double estimate = judgeMean + correction;
        double standardError = Math.sqrt(judgeVariance / unlabelled + correctionVariance / n);
        double half = Z * standardError;
        int labelledMet = (int) pairs.stream().filter(pair -> pair[0]).count();
        double judgeRate = (double) (unlabelledMet + labelledMet) / (unlabelled + n);
        return Optional.of(new CorrectedRate(
                judgeRate,
                unlabelled + n,
                n,
                clamp(estimate),
                new Interval(clamp(estimate - half), clamp(estimate + half)),
                standardError));
    }

    /**
     * The one-sided lower confidence bound at {@code alpha}: {@code estimate - z(1 - alpha) · SE}, clamped to [0, 1].
     * Confidence-bound mode holds {@code @Thresholds(minMetRate)} to it.
     */
    public double lowerBound(double alpha) {
        return clamp(estimate - STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha) * standardError);
    }

    /** E.g. {@code met: judge 0.800 on 100, corrected with 20 human verdicts 0.750 [0.620, 0.880]}. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "met: judge %.3f on %d, corrected with %d human verdicts %.3f [%.3f, %.3f]",
                judgeRate,
                judged,
                labelled,
                estimate,
                interval.lower(),
                interval.upper());
    }

    private static double clamp(double value) {
        return Math.max(0.0, Math.min(1.0, value));
    }
}
