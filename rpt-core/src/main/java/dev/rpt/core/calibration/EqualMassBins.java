package dev.rpt.core.calibration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits cases sorted by confidence into {@code B} groups of as equal a size as possible, so that a suite whose
 * confidences crowd near 1.0 still gets several populated bins. The ideal end of group {@code b} (counting from 0) is
 * {@code floor((b + 1) * n / B)}, which makes sizes differ by at most one.
 *
 * <p>Ties never straddle two bins: a boundary that would cut a run of equal confidences moves to the nearer end of
 * that run (forward, past the run, on a draw or when moving back would leave the bin empty). Without this rule, which of two
 * tied cases lands in which bin would depend on input order, and so would the ECE. The price is that bins can be
 * uneven, or fewer than {@code B}, when confidences repeat a lot; bins that end up empty are not returned.
 */
final class EqualMassBins {

    private EqualMassBins() {}

    /** The non-empty bins in ascending confidence; each bin's edges are its smallest and largest confidence. */
    static List<ReliabilityBin> of(List<ScoredConfidence> scored, int bins) {
        List<ScoredConfidence> sorted = new ArrayList<>(scored);
        sorted.sort(Comparator.comparingDouble(ScoredConfidence::confidence));
        double[] confidences =
                sorted.stream().mapToDouble(ScoredConfidence::confidence).toArray();
        int size = confidences.length;
        List<ReliabilityBin> result = new ArrayList<>(Math.min(bins, size));
        int start = 0;
        for (int bin = 0; bin < bins && start < size; bin++) {
            int ideal = (int) (((long) bin + 1) * size / bins);
            int end = boundary(confidences, start, Math.max(start, ideal));
            if (end > start) {
                result.add(summarize(sorted.subList(start, end)));
                start = end;
            }
        }
        return List.copyOf(result);
    }

    /** The ideal end of a bin starting at {@code start}, moved off any run of ties it would cut. */
    private static int boundary(double[] confidences, int start, int ideal) {
        if (ideal == start || ideal == confidences.length || confidences[ideal] != confidences[ideal - 1]) {
            return ideal;
        }
        int runStart = firstIndexOf(confidences, confidences[ideal]);
        int runEnd = firstIndexAbove(confidences, confidences[ideal]);
        boolean backIsNearer = ideal - runStart < runEnd - ideal;
        return backIsNearer && runStart > start ? runStart : runEnd;
    }

    /** The first index holding {@code value} in a sorted array that contains it (a lower-bound binary search). */
    private static int firstIndexOf(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The first index holding a value greater than {@code value} (an upper-bound binary search). */
    private static int firstIndexAbove(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static ReliabilityBin summarize(List<ScoredConfidence> group) {
        double confidenceSum = 0.0;
        int correct = 0;
        for (ScoredConfidence one : group) {
            confidenceSum += one.confidence();
            if (one.correct()) {
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
