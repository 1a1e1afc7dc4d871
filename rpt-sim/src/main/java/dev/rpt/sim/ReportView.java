package dev.rpt.sim;

import dev.rpt.core.files.JsonFileException;
import dev.rpt.core.protocol.DiagnosticReportFormat;
import dev.rpt.core.protocol.DiagnosticReportFormat.ReportJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The parts of an {@code evaluate_prompt} result the optimizer policy reads, read as the tuner writes it: the shared
 * {@link DiagnosticReportFormat} records, so a renamed field is a compile error on both sides. A report the records
 * refuse (a count or {@code goals.met} missing, another schema version) is refused as a malformed conversation; of
 * what may be absent, numbers read as 0 (NaN for the ECE goal) and absent goals as not met.
 *
 * @param iteration the report's iteration, 0 when absent
 * @param accuracy {@code metrics.accuracy}
 * @param ece {@code metrics.ece}
 * @param overconfidentWrong {@code calibration.overconfidentWrong}
 * @param modes the failure modes, most prevalent first; ties keep the report's order
 * @param minAccuracy {@code goals.minAccuracy}
 * @param maxEce {@code goals.maxEce}
 * @param goalsMet {@code goals.met}
 */
record ReportView(
        int iteration,
        double accuracy,
        double ece,
        int overconfidentWrong,
        List<Mode> modes,
        double minAccuracy,
        double maxEce,
        boolean goalsMet) {

    ReportView {
        modes = List.copyOf(modes);
    }

    /**
     * One failure mode of the report.
     *
     * @param label the mode's label
     * @param count how many failed cases it covers
     * @param prevalence count over the number of failed cases
     */
    record Mode(String label, int count, double prevalence) {}

    /**
     * Reads an {@code evaluate_prompt} result.
     *
     * @param what the message it came in, for the error
     * @throws dev.rpt.core.model.BadRequestException when it is not a diagnostic report, as a real model would refuse
     *     a malformed conversation
     */
    static ReportView read(String text, String what) {
        ReportJson report;
        try {
            report = DiagnosticReportFormat.read(text);
        } catch (JsonFileException e) {
            throw SimJson.unreadable(text, what, "(the diagnostic report: " + e.getMessage() + ")");
        }
        return of(report);
    }

    static ReportView of(ReportJson report) {
        List<Mode> modes = new ArrayList<>();
        for (DiagnosticReportFormat.ModeJson mode : report.failureModes()) {
            modes.add(new Mode(mode.label(), mode.count(), number(mode.prevalence(), 0)));
        }
        modes.sort(Comparator.comparingDouble(Mode::prevalence).reversed());
        Optional<DiagnosticReportFormat.MetricsJson> metrics = Optional.ofNullable(report.metrics());
        Optional<DiagnosticReportFormat.GoalsJson> goals = Optional.ofNullable(report.goals());
        return new ReportView(
                report.iteration() == null ? 0 : report.iteration(),
                metrics.map(m -> number(m.accuracy(), 0)).orElse(0.0),
                metrics.map(m -> number(m.ece(), 0)).orElse(0.0),
                report.calibration() == null ? 0 : report.calibration().overconfidentWrong(),
                modes,
                goals.map(g -> number(g.minAccuracy(), 0)).orElse(0.0),
                goals.map(g -> number(g.maxEce(), Double.NaN)).orElse(Double.NaN),
                goals.map(DiagnosticReportFormat.GoalsJson::met).orElse(false));
    }

    private static double number(BigDecimal value, double absent) {
        return value == null ? absent : value.doubleValue();
    }
}
