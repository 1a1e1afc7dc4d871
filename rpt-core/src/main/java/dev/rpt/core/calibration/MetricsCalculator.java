package dev.rpt.core.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/** Computes {@link Metrics} in one pass over the cases plus one sort for equal-mass bins and AUROC. */
final class MetricsCalculator {

    private MetricsCalculator() {}

    static Metrics compute(List<CaseOutcome> cases, MetricsOptions options) {
        Objects.requireNonNull(cases, "cases");
        Objects.requireNonNull(options, "options");
        int n = 0;
        int errored = 0;
        int correct = 0;
        int formatErrors = 0;
        List<ScoredConfidence> scored = new ArrayList<>(cases.size());
        for (CaseOutcome outcome : cases) {
            Objects.requireNonNull(outcome, "cases must not contain null");
            if (!outcome.scored()) {
                errored++;
                continue;
            }
            n++;
            if (outcome.correct()) {
                correct++;
            }
            if (outcome.formatError()) {
                formatErrors++;
            }
            if (outcome.confidence().isPresent()) {
                scored.add(new ScoredConfidence(outcome.confidence().getAsDouble(), outcome.correct()));
            }
        }
        List<ReliabilityBin> reliability = EqualWidthBins.of(scored, options.bins());
        return Metrics.builder()
                .counts(n, errored, correct, n - scored.size())
                .accuracy(ratio(correct, n))
                .accuracyCi(AccuracyInterval.wilson(n, correct, options.intervalLevel()))
                .brier(brier(scored))
                .ece(CalibrationError.of(reliability))
                .eceEqualMass(CalibrationError.of(EqualMassBins.of(scored, options.bins())))
                .auroc(Auroc.of(scored))
                .reliability(reliability)
                .overconfidenceRate(ratio(overconfident(scored, options.overconfidenceThreshold()), scored.size()))
                .underconfidenceRate(ratio(underconfident(scored, options.underconfidenceThreshold()), scored.size()))
                .formatErrorRate(ratio(formatErrors, n))
                .meanConfidence(meanConfidence(scored))
                .build();
    }

    private static OptionalDouble ratio(long numerator, long denominator) {
        return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator / denominator);
    }

    private static OptionalDouble brier(List<ScoredConfidence> scored) {
        return scored.stream()
                .mapToDouble(j -> (j.confidence() - j.outcome()) * (j.confidence() - j.outcome()))
                .average();
    }

    private static OptionalDouble meanConfidence(List<ScoredConfidence> scored) {
        return scored.stream().mapToDouble(ScoredConfidence::confidence).average();
    }

    private static long overconfident(List<ScoredConfidence> scored, double threshold) {
        return scored.stream()
                .filter(j -> !j.correct() && j.confidence() >= threshold)
                .count();
    }

    private static long underconfident(List<ScoredConfidence> scored, double threshold) {
        return scored.stream()
                .filter(j -> j.correct() && j.confidence() <= threshold)
                .count();
    }
}
