package dev.rpt.core.calibration;

import java.util.List;
import java.util.OptionalDouble;

/** Expected calibration error: the gap between accuracy and mean confidence per bin, weighted by the bin's cases. */
final class CalibrationError {

    private CalibrationError() {}

    /** {@code sum over bins of (count / total) * |accuracy - mean confidence|}; empty when the bins hold no case. */
    static OptionalDouble of(List<ReliabilityBin> bins) {
        long total = 0;
        double weightedGaps = 0.0;
        for (ReliabilityBin bin : bins) {
            if (bin.count() > 0) {
                total += bin.count();
                weightedGaps += bin.count() * bin.gap().getAsDouble();
            }
        }
        return total == 0 ? OptionalDouble.empty() : OptionalDouble.of(weightedGaps / total);
    }
}
