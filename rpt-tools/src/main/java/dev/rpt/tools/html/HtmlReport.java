package dev.rpt.tools.html;

import static dev.rpt.tools.html.Html.escape;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.files.AtomicFiles;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.ModelRun;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.report.RunReportWriter;
import dev.rpt.core.thresholds.CheckMode;
import dev.rpt.core.verdict.VerdictSettings;
import dev.rpt.tools.gate.GateResult;
import dev.rpt.tools.record.TuneRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Renders the self-contained HTML report: one file that needs no network when opened (inline CSS, inline SVG charts,
 * no fonts or scripts, and a Content-Security-Policy that forbids any fetch or script). It shows the last run's
 * metrics with intervals per class and split, each class's thresholds with the measured value and a pass or fail
 * verdict per bound, a reliability diagram and a confidence histogram per class, the failures grouped by class, a loud
 * banner when the model is the simulator and, given a tune record, the tune's trajectory, failure
 * modes and prompt diffs. Every piece of model or user text is HTML-escaped.
 */
@API(status = INTERNAL, since = "0.1")
public final class HtmlReport {

    /** The report's file name in the report directory. */
    public static final String FILE_NAME = "report.html";

    /** The most failed or errored cases listed per class; the report states how many more the run report holds. */
    public static final int MAX_FAILURES = 100;

    private HtmlReport() {}

    /**
     * Reads {@code last-run.json} from {@code reportDirectory} and, when given, the tune record in {@code
     * tuneDirectory}, and writes {@code report.html} next to the run report, replacing it atomically.
     *
     * @param reportDirectory the report directory, typically {@code target/rpt}
     * @param tuneDirectory a tune record directory such as {@code target/rpt/tune/<id>}, or empty for none; see
     *     {@link TuneRecord#latest}
     * @param options the metric options of the run ({@code rpt.metrics.*}), so that the bins and interval match it
     * @return the written file
     * @throws IOException when there is no run report, a file cannot be read or is malformed, or the report cannot be
     *     written; the message names the file
     */
    public static Path write(Path reportDirectory, Optional<Path> tuneDirectory, MetricsOptions options)
            throws IOException {
        return write(reportDirectory, tuneDirectory, options, CheckMode.POINT_ESTIMATE);
    }

    /**
     * Reads {@code last-run.json} from {@code reportDirectory} and, when given, the tune record in {@code
     * tuneDirectory}, and writes {@code report.html} next to the run report, replacing it atomically; each class's
     * thresholds are checked in {@code mode}.
     *
     * @param reportDirectory the report directory, typically {@code target/rpt}
     * @param tuneDirectory a tune record directory such as {@code target/rpt/tune/<id>}, or empty for none; see
     *     {@link TuneRecord#latest}
     * @param options the metric options of the run ({@code rpt.metrics.*}), so that the bins and interval match it
     * @param mode how the thresholds' accuracy bound is checked ({@code rpt.check.mode}), as {@code rpt:check} does
     * @return the written file
     * @throws IOException when there is no run report, a file cannot be read or is malformed, or the report cannot be
     *     written; the message names the file
     */
    public static Path write(Path reportDirectory, Optional<Path> tuneDirectory, MetricsOptions options, CheckMode mode)
            throws IOException {
        return write(reportDirectory, tuneDirectory, options, mode, Optional.empty());
    }

    /**
     * As {@link #write(Path, Optional, MetricsOptions, CheckMode)}, opening with the build's verdict when {@code
     * rpt:check} gives it: its findings, the error budget and each class's comparison with its baseline.
     *
     * @param gate what {@code rpt:check} found, or empty for a report of the run alone
     */
    public static Path write(
            Path reportDirectory,
            Optional<Path> tuneDirectory,
            MetricsOptions options,
            CheckMode mode,
            Optional<GateResult> gate)
            throws IOException {
        Objects.requireNonNull(tuneDirectory, "tuneDirectory");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(mode, "mode");
        Path lastRun = reportDirectory.resolve(RunReportWriter.LAST_RUN);
        if (!Files.isRegularFile(lastRun)) {
            throw new IOException("There is no run report at " + lastRun
                    + ". Run the prompt tests first (`mvn test`), or point rpt.report.dir at the directory that"
                    + " holds last-run.json.");
        }
        RunReport run = RunReport.read(lastRun);
        Optional<TuneRecord> tune =
                tuneDirectory.isPresent() ? Optional.of(TuneRecord.read(tuneDirectory.get())) : Optional.empty();
        Path target = reportDirectory.resolve(FILE_NAME);
        AtomicFiles.writeString(target, render(run, tune, options, mode, gate));
        return target;
    }

    /**
     * The report as one HTML document, with thresholds checked on the point estimates ({@link
     * CheckMode#POINT_ESTIMATE}).
     *
     * @param run the run report
     * @param tune the tune record to show, or empty
     * @param options the metric options the run used
     */
    public static String render(RunReport run, Optional<TuneRecord> tune, MetricsOptions options) {
        return render(run, tune, options, CheckMode.POINT_ESTIMATE);
    }

    /**
     * The report as one HTML document.
     *
     * @param run the run report
     * @param tune the tune record to show, or empty
     * @param options the metric options the run used, for a report that does not record them (written before rpt
     *     0.3); a report that does is shown with its own
     * @param mode how each class's accuracy bound is checked, for a report that does not record its verdicts; a class
     *     verdict the report records is shown as the run decided it, which is what {@code rpt:check} reads
     */
    public static String render(RunReport run, Optional<TuneRecord> tune, MetricsOptions options, CheckMode mode) {
        return render(run, tune, options, mode, Optional.empty());
    }

    /** As {@link #render(RunReport, Optional, MetricsOptions, CheckMode)}, opening with the gate's verdict if given. */
    public static String render(
            RunReport run,
            Optional<TuneRecord> tune,
            MetricsOptions options,
            CheckMode mode,
            Optional<GateResult> gate) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(tune, "tune");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(mode, "mode");
        MetricsOptions used =
                run.verdictSettings().map(VerdictSettings::metrics).orElse(options);
        CheckMode usedMode = run.verdictSettings().map(VerdictSettings::mode).orElse(mode);
        StringBuilder html = new StringBuilder(64 * 1024);
        header(html, run, tune.isPresent());
        gate.ifPresent(result -> GateSection.append(html, result));
        ModelsSection.append(html, run, used);
        html.append("<section id=\"classes\">\n<h2>Classes</h2>\n");
        if (run.classes().isEmpty()) {
            html.append("<p class=\"empty\">The run had no prompt test class.</p>\n");
        }
        for (int i = 0; i < run.classes().size(); i++) {
            ClassInfo info = run.classes().get(i);
            ClassSection.append(
                    html,
                    i + 1,
                    info,
                    run.cases(),
                    used,
                    usedMode,
                    Optional.ofNullable(run.verdicts().get(info.classKey())));
        }
        html.append("</section>\n");
        tune.ifPresent(record -> TuneSection.append(html, record));
        FailuresSection.append(html, run.classes(), run.cases(), MAX_FAILURES);
        html.append(
                "<footer>Written by rpt. Metric definitions: docs/calibration.md; the data: last-run.json.</footer>\n"
                        + "</body>\n</html>\n");
        return html.toString();
    }

    /** The page's head, the simulator's warning when a simulated model answered, and the header with its links. */
    private static void header(StringBuilder html, RunReport run, boolean withTune) {
        boolean simulated = run.model().simulated()
                || run.models().stream().anyMatch(m -> m.model().simulated());
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                // Defence in depth: even if some text escaped escaping, the browser would fetch and run nothing.
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        + "style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>rpt report · ")
                .append(escape(run.runId()))
                .append(simulated ? " · SIMULATOR" : "")
                .append("</title>\n<style>\n")
                .append(Style.CSS)
                .append("</style>\n</head>\n<body>\n");
        if (simulated) {
            html.append("<div class=\"simulator\" role=\"alert\"><strong>SIMULATED MODEL.</strong> These answers"
                            + " came from rpt's offline simulator (<code>")
                    .append(escape(run.model().label()))
                    .append("</code>). Its numbers say nothing about any real model.</div>\n");
        }
        html.append("<header>\n<h1>rpt report</h1>\n<p class=\"meta\">run <code>")
                .append(escape(run.runId()))
                .append(
                        run.models().isEmpty()
                                ? "</code> · model <code>" + escape(run.model().label())
                                : "</code> · models <code>"
                                        + escape(String.join(
                                                ", ",
                                                run.models().stream()
                                                        .map(ModelRun::name)
                                                        .toList())))
                .append("</code> · ")
                .append(run.cases().size())
                .append(" cases in ")
                .append(run.classes().size())
                .append(run.classes().size() == 1 ? " class" : " classes")
                .append("</p>\n<nav>")
                .append(ModelsSection.link(run)
                        .map(link -> link.substring(3) + " · ")
                        .orElse(""))
                .append("<a href=\"#classes\">classes</a>")
                .append(withTune ? " · <a href=\"#tune\">tune</a>" : "")
                .append(" · <a href=\"#failures\">failures</a></nav>\n</header>\n");
    }
}
