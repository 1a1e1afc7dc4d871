package dev.rpt.core.calibration;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apiguardian.api.API;

/**
 * One-sided upper confidence bounds on the calibration metrics, with the case as the unit: what confidence-bound mode
 * holds {@code maxEce} and {@code maxBrier} to, so that a class passes a calibration bound only when the data show it
 * is met, as its accuracy must show its minimum.
 */
@API(status = INTERNAL, since = "0.3")
public final class CalibrationBounds {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    /** Bootstrap resamples for the ECE bound, at least; more for a small level, whose tail needs them. */
    static final int MIN_RESAMPLES = 1_000;

    /** The most bootstrap resamples, to keep a large class's check in seconds. */
    static final int MAX_RESAMPLES = 4_000;

    private CalibrationBounds() {}

    /**
     * The Brier score's upper bound at one-sided {@code alpha}: the score plus {@code z(1 - alpha)} cluster-robust
     * standard errors, {@code K/(K-1) · Σ(s_i - B·m_i)² / (Σm_i)²} over the K cases with m_i samples with a confidence
     * whose squared errors sum to s_i (the variance of a ratio estimator, as for the accuracy interval), no higher than
     * 1. Empty without a confidence; with one case, the bound is 1.
     */
    public static OptionalDouble brierUpper(List<List<CaseOutcome>> byCase, double alpha) {
        List<double[]> cases = new ArrayList<>();
        for (List<CaseOutcome> samples : byCase) {
            double sum = 0;
            int m = 0;
            for (CaseOutcome outcome : samples) {
                if (outcome.scored() && outcome.confidence().isPresent()) {
                    double gap = outcome.confidence().getAsDouble() - (outcome.correct() ? 1 : 0);
                    sum += gap * gap;
                    m++;
                }
            }
            if (m > 0) {
                cases.add(new double[] {sum, m});
            }
        }
        if (cases.isEmpty()) {
            return OptionalDouble.empty();
        }
        int k = cases.size();
        if (k < 2) {
            return OptionalDouble.of(1.0);
        }
        double total = cases.stream().mapToDouble(c -> c[0]).sum();
        double samples = cases.stream().mapToDouble(c -> c[1]).sum();
        double brier = total / samples;
        double residuals = 0;
        for (double[] c : cases) {
            double r = c[0] - brier * c[1];
            residuals += r * r;
        }
        double variance = (double) k / (k - 1) * residuals / (samples * samples);
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha);
        return OptionalDouble.of(Math.min(1.0, brier + z * Math.sqrt(variance)));
    }

    /**
     * The debiased ECE's upper bound at one-sided {@code alpha}: the {@code 1 - alpha} quantile of the debiased ECE over
     * bootstrap resamples of the cases (a drawn case brings all its samples), seeded so that a run's verdict does not
     * change from one reading to the next. Empty without a confidence.
     *
     * @param bins the equal-width bins ({@code rpt.metrics.bins})
     */
    public static OptionalDouble eceUpper(List<List<CaseOutcome>> byCase, int bins, double alpha) {
        List<List<ScoredConfidence>> cases = new ArrayList<>();
        for (List<CaseOutcome> samples : byCase) {
            List<ScoredConfidence> scored = samples.stream()
                    .filter(o -> o.scored() && o.confidence().isPresent())
                    .map(o -> new ScoredConfidence(o.confidence().getAsDouble(), o.correct()))
                    .toList();
            if (!scored.isEmpty()) {
                cases.add(scored);
            }
        }
        if (cases.isEmpty()) {
            return OptionalDouble.empty();
        }
        int resamples = (int) Math.min(MAX_RESAMPLES, Math.max(MIN_RESAMPLES, Math.ceil(20 / alpha)));
        SplittableRandom random = new SplittableRandom(20_261_207L);
        double[] estimates = new double[resamples];
        List<ScoredConfidence> drawn = new ArrayList<>();
        for (int r = 0; r < resamples; r++) {
            drawn.clear();
            for (int i = 0; i < cases.size(); i++) {
                drawn.addAll(cases.get(random.nextInt(cases.size())));
            }
            estimates[r] =
                    CalibrationError.debiased(EqualWidthBins.of(drawn, bins)).orElse(0);
        }
        Arrays.sort(estimates);
        int at = Math.min(resamples - 1, (int) Math.ceil((1 - alpha) * resamples) - 1);
        return OptionalDouble.of(estimates[Math.max(0, at)]);
    }
}
