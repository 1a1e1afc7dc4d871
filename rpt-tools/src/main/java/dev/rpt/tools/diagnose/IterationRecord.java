package dev.rpt.tools.diagnose;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.Metrics;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What one iteration's evaluation found.
 *
 * @param iteration the iteration number, 1 for the seed prompt
 * @param metrics the metrics on the tune split
 * @param modes every failure mode found (not only the reported ones), sorted by count, descending
 * @param targets the mode labels targeted by the PATCH that produced this iteration's candidate; empty for the seed
 */
@API(status = INTERNAL, since = "0.1")
public record IterationRecord(int iteration, Metrics metrics, List<FailureMode> modes, List<String> targets) {

    public IterationRecord {
        Objects.requireNonNull(metrics, "metrics");
        modes = List.copyOf(modes);
        targets = List.copyOf(targets);
    }

    /** The record of an analyzed evaluation; keeps {@link FailureAnalysis#allModes()}. */
    public static IterationRecord of(int iteration, Metrics metrics, FailureAnalysis analysis, List<String> targets) {
        return new IterationRecord(iteration, metrics, analysis.allModes(), targets);
    }

    /**
     * The selection score: accuracy − 0.05 × Brier on the tune split, as in the RPT paper. An unmeasured accuracy
     * counts as 0 and an unmeasured Brier score as no penalty.
     */
    public double score() {
        return metrics.accuracy().orElse(0)
                - IterationHistory.BRIER_WEIGHT * metrics.brier().orElse(0);
    }
}
