package dev.rpt.core.calibration;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Arrays;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * Running sums from which ECE (equal-width bins, binned and debiased) and the Brier score follow, for loops that measure thousands of
 * resampled case sets, such as the regression gate's bootstrap: adding a scored answer costs a few arithmetic operations
 * and allocates nothing. The values equal {@link Metrics#ece()} and {@link Metrics#brier()} of the same scored.
 *
 * <p>Mutable and not thread-safe: one instance per loop, {@link #clear()} between resamples.
 */
@API(status = INTERNAL, since = "0.1")
public final class CalibrationSums {

    private final int bins;
    private final int[] counts;
    private final double[] confidenceSums;
    private final int[] correct;
    private int total;
    private double squaredErrors;

    /** Empty sums over {@code bins} equal-width bins, the same bins as {@link MetricsOptions#bins()}. */
    public CalibrationSums(int bins) {
        if (bins < 1 || bins > MetricsOptions.MAX_BINS) {
            throw new IllegalArgumentException(
                    "bins must be between 1 and " + MetricsOptions.MAX_BINS + ", got " + bins);
        }
        this.bins = bins;
        this.counts = new int[bins];
        this.confidenceSums = new double[bins];
        this.correct = new int[bins];
    }

    /** Adds one scored answer with its stated confidence in {@code [0, 1]}. */
    public void add(double confidence, boolean passed) {
        int index = EqualWidthBins.indexOf(confidence, bins);
        counts[index]++;
        confidenceSums[index] += confidence;
        int outcome = passed ? 1 : 0;
        correct[index] += outcome;
        total++;
        squaredErrors += (confidence - outcome) * (confidence - outcome);
    }

    /** Forgets everything added. */
    public void clear() {
        Arrays.fill(counts, 0);
        Arrays.fill(confidenceSums, 0);
        Arrays.fill(correct, 0);
        total = 0;
        squaredErrors = 0;
    }

    /** The scored added since the last {@link #clear()}. */
    public int count() {
        return total;
    }

    /** ECE over the equal-width bins; empty when nothing was added. */
    public OptionalDouble ece() {
        if (total == 0) {
            return OptionalDouble.empty();
        }
        // count × |accuracy − mean confidence| of a bin is |correct − confidence sum|, so no division per bin.
        double weightedGaps = 0;
        for (int i = 0; i < bins; i++) {
            weightedGaps += Math.abs(correct[i] - confidenceSums[i]);
        }
        return OptionalDouble.of(weightedGaps / total);
    }

    /** The debiased ECE over the same bins ({@link Metrics#eceDebiased()}); empty when nothing was added. */
    public OptionalDouble eceDebiased() {
        if (total == 0) {
            return OptionalDouble.empty();
        }
        double weighted = 0;
        for (int i = 0; i < bins; i++) {
            if (counts[i] == 0) {
                continue;
            }
            double confidence = confidenceSums[i] / counts[i];
            double gap = (double) correct[i] / counts[i] - confidence;
            double sigma = Math.sqrt(confidence * (1 - confidence) / counts[i]);
            weighted += counts[i] * CalibrationError.debiasedGap(gap, sigma);
        }
        return OptionalDouble.of(Math.max(0.0, weighted / total));
    }

    /** The Brier score; empty when nothing was added. */
    public OptionalDouble brier() {
        return total == 0 ? OptionalDouble.empty() : OptionalDouble.of(squaredErrors / total);
    }
}
