package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.files.JsonFileException;
import dev.rpt.core.protocol.DiagnosticReportFormat;
import dev.rpt.tools.diagnose.DiagnosticReportJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/** What the goals print, as lines: the held-out comparison of seed and final, and the failure modes. */
@API(status = INTERNAL, since = "0.1")
public final class TuneOutput {

    private TuneOutput() {}

    /**
     * Seed against final, split by split: the optimization cases (which the optimizer saw), the selection cases
     * (which ranked the candidates, so the final's number there is the best of several draws) and the confirmation
     * cases (which chose nothing: unbiased over every tune, though inflated over the tunes that adopt), each with
     * accuracy, its 95% interval, ECE and Brier.
     */
    public static List<String> summaryTable(Evaluation seed, Evaluation best) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT, "%-26s %5s %-26s %7s %7s", "split", "n", "accuracy [95% CI]", "ECE", "Brier"));
        lines.add(row("tune, seed (iter " + seed.iteration() + ")", seed.tune()));
        lines.add(row("tune, final (iter " + best.iteration() + ")", best.tune()));
        lines.add(row("selection, seed", seed.holdout()));
        lines.add(row("selection, final", best.holdout()));
        lines.add(row("confirmation, seed", seed.confirm()));
        lines.add(row("confirmation, final", best.confirm()));
        return lines;
    }

    /**
     * The failure modes of a diagnostic report (the {@code evaluate_prompt} JSON), most prevalent first: label,
     * count, prevalence among the failed cases, definition and example case ids.
     *
     * @throws IllegalArgumentException when the report is not JSON
     */
    public static List<String> failureModes(String diagnosticReport) {
        DiagnosticReportFormat.ReportJson report;
        try {
            report = DiagnosticReportJson.read(diagnosticReport);
        } catch (JsonFileException e) {
            throw new IllegalArgumentException("the diagnostic report cannot be read: " + e.getMessage(), e);
        }
        List<String> lines = new ArrayList<>();
        if (report.failureModes().isEmpty()) {
            lines.add("no failure modes: no optimization-split case failed");
            return lines;
        }
        int index = 1;
        for (DiagnosticReportFormat.ModeJson mode : report.failureModes()) {
            lines.add(String.format(
                    Locale.ROOT,
                    "%d. %s: %d cases (%.0f%% of failures)%s",
                    index++,
                    mode.label(),
                    mode.count(),
                    mode.prevalence() == null ? 0.0 : 100 * mode.prevalence().doubleValue(),
                    mode.examples().isEmpty() ? "" : ", e.g. " + String.join(", ", mode.examples())));
            if (!mode.definition().isBlank()) {
                lines.add("   " + mode.definition());
            }
        }
        return lines;
    }

    private static String row(String label, Metrics metrics) {
        String accuracy = value(metrics.accuracy())
                + metrics.accuracyCi()
                        .map(ci -> String.format(Locale.ROOT, " [%.3f, %.3f]", ci.lower(), ci.upper()))
                        .orElse("");
        return String.format(
                Locale.ROOT,
                "%-26s %5d %-26s %7s %7s",
                label,
                metrics.n(),
                accuracy,
                value(metrics.ece()),
                value(metrics.brier()));
    }

    private static String value(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "n/a";
    }
}
