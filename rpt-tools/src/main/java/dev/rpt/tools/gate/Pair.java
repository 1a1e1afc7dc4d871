package dev.rpt.tools.gate;

import dev.rpt.core.calibration.CaseOutcome;
import java.util.List;

/**
 * One case as the baseline and the current run saw it: the scored samples of each side, at least one on each.
 *
 * @param baseline the baseline's scored samples
 * @param current the current run's scored samples
 */
record Pair(List<CaseOutcome> baseline, List<CaseOutcome> current) {

    Pair {
        baseline = List.copyOf(baseline);
        current = List.copyOf(current);
        if (baseline.isEmpty() || current.isEmpty()) {
            throw new IllegalArgumentException("a pair needs a scored sample on each side");
        }
    }

    /** A pair of single samples, as without {@code rpt.repeat}. */
    static Pair of(CaseOutcome baseline, CaseOutcome current) {
        return new Pair(List.of(baseline), List.of(current));
    }

    /** Whether each side has exactly one sample, so that McNemar's test applies. */
    boolean single() {
        return baseline.size() == 1 && current.size() == 1;
    }

    /** The baseline's pass rate over its samples. */
    double baselineRate() {
        return rate(baseline);
    }

    /** The current run's pass rate over its samples. */
    double currentRate() {
        return rate(current);
    }

    /** Whether the baseline stated a confidence on some sample. */
    boolean baselineHasConfidence() {
        return baseline.stream().anyMatch(o -> o.confidence().isPresent());
    }

    /** Whether the current run stated a confidence on some sample. */
    boolean currentHasConfidence() {
        return current.stream().anyMatch(o -> o.confidence().isPresent());
    }

    /** Whether both sides stated a confidence on some sample, so the pair counts for ECE and Brier. */
    boolean calibrated() {
        return baseline.stream().anyMatch(o -> o.confidence().isPresent())
                && current.stream().anyMatch(o -> o.confidence().isPresent());
    }

    private static double rate(List<CaseOutcome> samples) {
        return (double) samples.stream().filter(CaseOutcome::correct).count() / samples.size();
    }
}
