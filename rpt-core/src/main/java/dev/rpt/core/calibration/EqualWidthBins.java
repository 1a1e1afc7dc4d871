package dev.rpt.core.calibration;

import java.util.ArrayList;
import java.util.List;

/** Splits {@code [0, 1]} into {@code B} bins of equal width: bin {@code i} is {@code [i/B, (i+1)/B)}, the last closed. */
final class EqualWidthBins {

    private EqualWidthBins() {}

    /** All {@code bins} bins in order, empty ones included so a diagram always has the same bars. */
    static List<ReliabilityBin> of(List<ScoredConfidence> scored, int bins) {
        int[] counts = new int[bins];
        int[] correct = new int[bins];
        double[] confidenceSums = new double[bins];
        for (ScoredConfidence one : scored) {
            int index = indexOf(one.confidence(), bins);
            counts[index]++;
            confidenceSums[index] += one.confidence();
            if (one.correct()) {
                correct[index]++;
            }
        }
        List<ReliabilityBin> result = new ArrayList<>(bins);
        for (int i = 0; i < bins; i++) {
            result.add(ReliabilityBin.of(
                    lowerEdge(i, bins), lowerEdge(i + 1, bins), counts[i], confidenceSums[i], correct[i]));
        }
        return List.copyOf(result);
    }

    /**
     * The bin of a confidence. {@code floor(c * B)} alone can land one bin off when the product rounds across an edge,
     * so the guess is checked against the edges the bins report, which keeps membership and reported edges consistent.
     */
    static int indexOf(double confidence, int bins) {
        int index = (int) Math.floor(confidence * bins);
        if (index > 0 && confidence < lowerEdge(index, bins)) {
            index--;
        } else if (index < bins && confidence >= lowerEdge(index + 1, bins)) {
            index++;
        }
        return Math.min(Math.max(index, 0), bins - 1);
    }

    private static double lowerEdge(int index, int bins) {
        return (double) index / bins;
    }
}
