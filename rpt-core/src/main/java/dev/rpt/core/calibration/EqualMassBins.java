package dev.rpt.core.calibration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits cases sorted by confidence into {@code B} groups of as equal a size as possible, so that a suite whose
 * confidences crowd near 1.0 still gets {@code B} populated bins.
 *
 * <p>Ties never straddle two bins: a boundary that would cut a run of equal confidences moves to the end of that run.
 * Without this rule, which of two tied cases lands in which bin would depend on input order, and so would the ECE.
 * The price is that bins after a long run of ties can be smaller, or absent; absent bins are not returned.
 */
final class EqualMassBins {

    private EqualMassBins() {}

    /** The non-empty bins in ascending confidence; each bin's edges are its smallest and largest confidence. */
    static List<ReliabilityBin> of(List<Judgement> judgements, int bins) {
        List<Judgement> sorted = new ArrayList<>(judgements);
        sorted.sort(Comparator.comparingDouble(Judgement::confidence));
        int size = sorted.size();
        List<ReliabilityBin> result = new ArrayList<>(Math.min(bins, size));
        int start = 0;
        for (int bin = 0; bin < bins && start < size; bin++) {
            // The ideal end of bin b is floor((b + 1) * n / B): sizes then differ by at most one.
            int end = (int) Math.max(start, ((long) bin + 1) * size / bins);
            if (end == start) {
                continue;
            }
            while (end < size
                    && sorted.get(end).confidence() == sorted.get(end - 1).confidence()) {
                end++;
            }
            result.add(summarize(sorted.subList(start, end)));
            start = end;
        }
        return List.copyOf(result);
    }

    private static ReliabilityBin summarize(List<Judgement> group) {
        double confidenceSum = 0.0;
        int correct = 0;
        for (Judgement judgement : group) {
            confidenceSum += judgement.confidence();
            if (judgement.correct()) {
                correct++;
            }
        }
        return ReliabilityBin.of(
                group.get(0).confidence(),
                group.get(group.size() - 1).confidence(),
                group.size(),
                confidenceSum,
                correct);
    }
}
