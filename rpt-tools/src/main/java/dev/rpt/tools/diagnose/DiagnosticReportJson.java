package dev.rpt.tools.diagnose;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.calibration.ReliabilityBin;
import dev.rpt.core.files.JsonFileException;
import dev.rpt.core.protocol.DiagnosticReportFormat;
import dev.rpt.core.protocol.DiagnosticReportFormat.BestJson;
import dev.rpt.core.protocol.DiagnosticReportFormat.BinJson;
import dev.rpt.core.protocol.DiagnosticReportFormat.CalibrationJson;
import dev.rpt.core.protocol.DiagnosticReportFormat.DeltaJson;
import dev.rpt.core.protocol.DiagnosticReportFormat.DeltasJson;
import dev.rpt.core.protocol.DiagnosticReportFormat.GoalsJson;
import dev.rpt.core.protocol.DiagnosticReportFormat.MetricsJson;
import dev.rpt.core.protocol.DiagnosticReportFormat.ModeJson;
import dev.rpt.core.protocol.DiagnosticReportFormat.PatchJson;
import dev.rpt.core.protocol.DiagnosticReportFormat.ReportJson;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * Writes a {@link DiagnosticReport} in the diagnostic report's JSON, whose records ({@link DiagnosticReportFormat})
 * live in rpt-core so the simulator reads the same type: here only what maps the diagnosis onto them, with numbers
 * rounded to 4 decimals and unmeasurable values as {@code null}.
 */
@API(status = INTERNAL, since = "0.1")
public final class DiagnosticReportJson {

    private DiagnosticReportJson() {}

    /** The report as one line of JSON. */
    public static String write(DiagnosticReport report) {
        return DiagnosticReportFormat.write(of(report));
    }

    /**
     * Reads a report back, e.g. from a tune record's {@code diagnostic.json}.
     *
     * @throws JsonFileException when the text is not a diagnostic report, naming the field
     */
    public static ReportJson read(String json) throws JsonFileException {
        return DiagnosticReportFormat.read(json);
    }

    static ReportJson of(DiagnosticReport report) {
        return new ReportJson(
                DiagnosticReport.SCHEMA_VERSION,
                report.iteration(),
                metrics(report.metrics()),
                calibration(report),
                report.failureModes().stream()
                        .map(mode -> new ModeJson(
                                mode.label(),
                                mode.definition(),
                                mode.count(),
                                round(mode.prevalence()),
                                mode.examples()))
                        .toList(),
                new DeltasJson(
                        report.vsPrevious().map(DiagnosticReportJson::delta).orElse(null),
                        report.vsBest().map(DiagnosticReportJson::delta).orElse(null)),
                new BestJson(
                        report.best().iteration(),
                        round(report.best().metrics().accuracy()),
                        round(report.best().metrics().ece()),
                        round(report.best().metrics().brier())),
                report.nonImprovingStreak(),
                report.patchHistory().stream()
                        .map(patch -> new PatchJson(patch.iteration(), patch.targets(), patch.shrank()))
                        .toList(),
                new GoalsJson(
                        round(report.goals().minAccuracy()),
                        round(report.goals().maxEce()),
                        round(report.goals().maxBrier()),
                        round(report.goals().maxErrorRate()),
                        report.goalsMet()));
    }

    static MetricsJson metrics(Metrics metrics) {
        return new MetricsJson(
                metrics.n(),
                metrics.errored(),
                round(metrics.accuracy()),
                metrics.accuracyCi()
                        .map(ci -> List.of(round(ci.lower()), round(ci.upper())))
                        .orElse(null),
                round(metrics.ece()),
                round(metrics.brier()),
                round(metrics.auroc()),
                round(metrics.formatErrorRate()),
                round(metrics.meanConfidence()));
    }

    private static CalibrationJson calibration(DiagnosticReport report) {
        return new CalibrationJson(
                report.confidence().overconfidentWrong(),
                report.confidence().underconfidentRight(),
                report.metrics().reliability().stream()
                        .filter(bin -> bin.count() > 0)
                        .map(DiagnosticReportJson::bin)
                        .toList());
    }

    private static BinJson bin(ReliabilityBin bin) {
        return new BinJson(
                round(bin.lower()),
                round(bin.upper()),
                bin.count(),
                round(bin.meanConfidence()),
                round(bin.accuracy()));
    }

    private static DeltaJson delta(MetricDeltas deltas) {
        return new DeltaJson(round(deltas.accuracy()), round(deltas.ece()), round(deltas.brier()));
    }

    /**
     * The value rounded to 4 decimals, or {@code null}. The optimizer reads these numbers; 0.5499999999999999 costs
     * tokens and says nothing more than 0.55.
     */
    static BigDecimal round(OptionalDouble value) {
        return value.isPresent() ? round(value.getAsDouble()) : null;
    }

    static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
