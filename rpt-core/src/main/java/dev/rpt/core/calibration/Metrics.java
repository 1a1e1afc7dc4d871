package dev.rpt.core.calibration;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * Accuracy and calibration of one set of cases. Rates are fractions in {@code [0, 1]}, not percentages. A value that
 * the cases cannot define is empty; see {@code docs/calibration.md} for what each metric means and how to read it.
 *
 * @param n the scored cases: passed plus failed; errored cases are not among them
 * @param errored the cases that produced no answer; they lower no metric
 * @param correct the passed cases
 * @param accuracy {@code correct / n}; empty when {@code n == 0}
 * @param accuracyCi the Wilson score interval for accuracy at {@link MetricsOptions#intervalLevel()}; empty when {@code
 *     n == 0}
 * @param brier the mean of {@code (confidence - outcome)^2} over scored cases with a confidence, outcome 1 for passed
 *     and 0 for failed; empty when no case has a confidence
 * @param ece the expected calibration error over {@link MetricsOptions#bins()} equal-width bins; empty when no case has
 *     a confidence
 * @param eceEqualMass the expected calibration error over equal-mass bins; empty when no case has a confidence
 * @param auroc the area under the ROC curve of confidence as a predictor of a pass; empty when no case has a
 *     confidence, or when the cases with one all passed or all failed
 * @param reliability the equal-width bins in ascending order, empty bins included with count 0; all bins empty when
 *     no case has a confidence
 * @param overconfidenceRate the share of scored cases with a confidence that failed with confidence at least {@link
 *     MetricsOptions#overconfidenceThreshold()}; empty when no case has a confidence
 * @param underconfidenceRate the share of scored cases with a confidence that passed with confidence at most {@link
 *     MetricsOptions#underconfidenceThreshold()}; empty when no case has a confidence
 * @param formatErrorRate the share of scored cases flagged as format errors; empty when {@code n == 0}
 * @param missingConfidence the scored cases without a confidence
 * @param meanConfidence the mean confidence over scored cases that have one; empty when none has
 */
@API(status = INTERNAL, since = "0.1")
public record Metrics(
        int n,
        int errored,
        int correct,
        OptionalDouble accuracy,
        Optional<Interval> accuracyCi,
        OptionalDouble brier,
        OptionalDouble ece,
        OptionalDouble eceEqualMass,
        OptionalDouble auroc,
        List<ReliabilityBin> reliability,
        OptionalDouble overconfidenceRate,
        OptionalDouble underconfidenceRate,
        OptionalDouble formatErrorRate,
        int missingConfidence,
        OptionalDouble meanConfidence) {

    public Metrics {
        if (n < 0 || errored < 0 || correct < 0 || missingConfidence < 0 || correct > n || missingConfidence > n) {
            throw new IllegalArgumentException("inconsistent counts: n=" + n + ", errored=" + errored + ", correct="
                    + correct + ", missingConfidence=" + missingConfidence);
        }
        Objects.requireNonNull(accuracy, "accuracy");
        Objects.requireNonNull(accuracyCi, "accuracyCi");
        Objects.requireNonNull(brier, "brier");
        Objects.requireNonNull(ece, "ece");
        Objects.requireNonNull(eceEqualMass, "eceEqualMass");
        Objects.requireNonNull(auroc, "auroc");
        reliability = List.copyOf(reliability);
        Objects.requireNonNull(overconfidenceRate, "overconfidenceRate");
        Objects.requireNonNull(underconfidenceRate, "underconfidenceRate");
        Objects.requireNonNull(formatErrorRate, "formatErrorRate");
        Objects.requireNonNull(meanConfidence, "meanConfidence");
    }

    /**
     * The metrics of cases that may hold several samples each ({@code rpt.repeat}): every metric over all samples, and
     * the accuracy interval with the case as the unit (see {@link AccuracyInterval#clustered}), so that N samples of one
     * case never count as N independent cases. With one sample per case this is {@link #of(List, MetricsOptions)}.
     *
     * @param byCase each case's samples
     */
    public static Metrics ofCases(List<List<CaseOutcome>> byCase, MetricsOptions options) {
        List<CaseOutcome> all = byCase.stream().flatMap(List::stream).toList();
        Metrics metrics = of(all, options);
        if (byCase.stream()
                .noneMatch(
                        samples -> samples.stream().filter(CaseOutcome::scored).count() > 1)) {
            return metrics;
        }
        List<int[]> counts = byCase.stream()
                .map(samples -> new int[] {
                    (int) samples.stream().filter(CaseOutcome::scored).count(),
                    (int) samples.stream().filter(CaseOutcome::correct).count()
                })
                .toList();
        return metrics.toBuilder()
                .accuracyCi(AccuracyInterval.clustered(counts, options.intervalLevel()))
                .build();
    }

    /** The metrics of {@code cases} with {@link MetricsOptions#DEFAULTS}. */
    public static Metrics of(List<CaseOutcome> cases) {
        return of(cases, MetricsOptions.DEFAULTS);
    }

    /** The metrics of {@code cases}, in any order (the result does not depend on it), with the given options. */
    public static Metrics of(List<CaseOutcome> cases, MetricsOptions options) {
        return MetricsCalculator.compute(cases, options);
    }

    /**
     * The expected calibration error less its estimated upward bias at this number of cases (Kumar, Liang and Ma,
     * NeurIPS 2019), over the same equal-width bins as {@link #ece()}. Binned ECE is biased upward at small n: a
     * perfectly calibrated model shows an ECE of about 0.10 at 50 cases in 10 bins. {@code @Thresholds(maxEce)} is
     * held to this estimate. Clamped at 0; empty when no case has a confidence.
     */
    public OptionalDouble eceDebiased() {
        return CalibrationError.debiased(reliability);
    }

    /**
     * The Brier score of always stating the base rate: {@code p(1 - p)} for the share p of the scored cases with a
     * confidence that passed. A confidence that carries no information about which answers are right scores this at
     * best, so it, not 0.25, is what {@link #brier()} is compared with. Empty when no case has a confidence.
     */
    public OptionalDouble baseRateBrier() {
        long withConfidence =
                reliability.stream().mapToLong(ReliabilityBin::count).sum();
        if (withConfidence == 0) {
            return OptionalDouble.empty();
        }
        double passed = reliability.stream()
                .filter(bin -> bin.count() > 0)
                .mapToDouble(bin -> bin.count() * bin.accuracy().getAsDouble())
                .sum();
        double rate = passed / withConfidence;
        return OptionalDouble.of(rate * (1 - rate));
    }

    /**
     * The Brier skill score {@code 1 - brier / p(1 - p)}: the share of the base rate's Brier score that the stated
     * confidence removes; 0 for a confidence that carries no information, 1 for a perfect one, negative for one worse
     * than stating the base rate. Empty without a confidence, or when every answer with one passed or every one failed
     * (the base rate's Brier is then 0).
     */
    public OptionalDouble brierSkill() {
        OptionalDouble reference = baseRateBrier();
        if (brier.isEmpty() || reference.isEmpty() || reference.getAsDouble() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(1 - brier.getAsDouble() / reference.getAsDouble());
    }

    /** The scored cases that carry a confidence: the denominator of every calibration metric. */
    public int withConfidence() {
        return n - missingConfidence;
    }

    /**
     * A builder for metrics: what is not set stays at its default (no cases, every rate empty, no bins). A new metric is
     * a record component, a builder method and a default here, so the places that compute metrics name only what they
     * compute.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these metrics. */
    public Builder toBuilder() {
        return new Builder()
                .counts(n, errored, correct, missingConfidence)
                .accuracy(accuracy)
                .accuracyCi(accuracyCi)
                .brier(brier)
                .ece(ece)
                .eceEqualMass(eceEqualMass)
                .auroc(auroc)
                .reliability(reliability)
                .overconfidenceRate(overconfidenceRate)
                .underconfidenceRate(underconfidenceRate)
                .formatErrorRate(formatErrorRate)
                .meanConfidence(meanConfidence);
    }

    /** Builds {@link Metrics}; see {@link #builder()}. Not thread-safe. */
    public static final class Builder {

        private int n;
        private int errored;
        private int correct;
        private int missingConfidence;
        private OptionalDouble accuracy = OptionalDouble.empty();
        private Optional<Interval> accuracyCi = Optional.empty();
        private OptionalDouble brier = OptionalDouble.empty();
        private OptionalDouble ece = OptionalDouble.empty();
        private OptionalDouble eceEqualMass = OptionalDouble.empty();
        private OptionalDouble auroc = OptionalDouble.empty();
        private List<ReliabilityBin> reliability = List.of();
        private OptionalDouble overconfidenceRate = OptionalDouble.empty();
        private OptionalDouble underconfidenceRate = OptionalDouble.empty();
        private OptionalDouble formatErrorRate = OptionalDouble.empty();
        private OptionalDouble meanConfidence = OptionalDouble.empty();

        private Builder() {}

        /** The counts: scored, errored, passed, and scored without a confidence. */
        public Builder counts(int n, int errored, int correct, int missingConfidence) {
            this.n = n;
            this.errored = errored;
            this.correct = correct;
            this.missingConfidence = missingConfidence;
            return this;
        }

        public Builder accuracy(OptionalDouble accuracy) {
            this.accuracy = accuracy;
            return this;
        }

        public Builder accuracyCi(Optional<Interval> accuracyCi) {
            this.accuracyCi = accuracyCi;
            return this;
        }

        public Builder brier(OptionalDouble brier) {
            this.brier = brier;
            return this;
        }

        public Builder ece(OptionalDouble ece) {
            this.ece = ece;
            return this;
        }

        public Builder eceEqualMass(OptionalDouble eceEqualMass) {
            this.eceEqualMass = eceEqualMass;
            return this;
        }

        public Builder auroc(OptionalDouble auroc) {
            this.auroc = auroc;
            return this;
        }

        public Builder reliability(List<ReliabilityBin> reliability) {
            this.reliability = reliability;
            return this;
        }

        public Builder overconfidenceRate(OptionalDouble overconfidenceRate) {
            this.overconfidenceRate = overconfidenceRate;
            return this;
        }

        public Builder underconfidenceRate(OptionalDouble underconfidenceRate) {
            this.underconfidenceRate = underconfidenceRate;
            return this;
        }

        public Builder formatErrorRate(OptionalDouble formatErrorRate) {
            this.formatErrorRate = formatErrorRate;
            return this;
        }

        public Builder meanConfidence(OptionalDouble meanConfidence) {
            this.meanConfidence = meanConfidence;
            return this;
        }

        /**
         * The metrics.
         *
         * @throws IllegalArgumentException when the counts contradict each other
         */
        public Metrics build() {
            return new Metrics(
                    n,
                    errored,
                    correct,
                    accuracy,
                    accuracyCi,
                    brier,
                    ece,
                    eceEqualMass,
                    auroc,
                    reliability,
                    overconfidenceRate,
                    underconfidenceRate,
                    formatErrorRate,
                    missingConfidence,
                    meanConfidence);
        }
    }
}
