package dev.rpt.tools.diagnose;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.thresholds.MetricBounds;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The diagnostic report of one iteration: the {@code evaluate_prompt} tool result. Its size grows with the number of
 * modes and iterations, never with the number of cases. {@link DiagnosticReportJson} writes it.
 *
 * @param iteration the iteration number
 * @param metrics the metrics on the tune split
 * @param confidence the over- and underconfidence counts
 * @param failureModes the reported modes, sorted by count, descending
 * @param vsPrevious the change from the previous iteration; empty on the first
 * @param vsBest the change from the best iteration; empty on the first
 * @param best the best iteration so far (this one included)
 * @param nonImprovingStreak how many of the latest iterations in a row did not improve on the best before them
 * @param patchHistory the outcome of every patch so far
 * @param goals the thresholds the tuning aims at
 */
@API(status = INTERNAL, since = "0.1")
public record DiagnosticReport(
        int iteration,
        Metrics metrics,
        ConfidenceCounts confidence,
        List<FailureMode> failureModes,
        Optional<MetricDeltas> vsPrevious,
        Optional<MetricDeltas> vsBest,
        IterationRecord best,
        int nonImprovingStreak,
        List<PatchOutcome> patchHistory,
        MetricBounds goals) {

    /** The version of the JSON shape. */
    public static final int SCHEMA_VERSION = dev.rpt.core.protocol.DiagnosticReportFormat.SCHEMA_VERSION;

    public DiagnosticReport {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(confidence, "confidence");
        failureModes = List.copyOf(failureModes);
        Objects.requireNonNull(vsPrevious, "vsPrevious");
        Objects.requireNonNull(vsBest, "vsBest");
        Objects.requireNonNull(best, "best");
        patchHistory = List.copyOf(patchHistory);
        Objects.requireNonNull(goals, "goals");
    }

    /**
     * The report of the history's latest iteration; its modes are reduced to the reported ones (prevalence at least
     * 10%, else the top 3).
     *
     * @throws IllegalArgumentException when the history is empty
     */
    public static DiagnosticReport of(IterationHistory history, ConfidenceCounts confidence, MetricBounds goals) {
        IterationRecord latest = history.latest()
                .orElseThrow(() -> new IllegalArgumentException(
                        "a diagnostic report needs at least one evaluated iteration in the history"));
        return new DiagnosticReport(
                latest.iteration(),
                latest.metrics(),
                confidence,
                ModeTally.keep(latest.modes()),
                history.vsPrevious(),
                history.vsBest(),
                history.best().orElseThrow(),
                history.nonImprovingStreak(),
                history.patchHistory(),
                goals);
    }

    /** Whether the metrics meet every set threshold. */
    public boolean goalsMet() {
        return goals.check(metrics).passed();
    }
}
