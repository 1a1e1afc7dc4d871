package dev.rpt.tools.flow;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.settings.RunSettings;
import dev.rpt.tools.html.HtmlReport;
import dev.rpt.tools.record.TuneRecord;
import dev.rpt.tools.tune.ProjectTuning;
import java.io.IOException;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * The self-contained HTML report of the test run's {@code last-run.json} (and of the latest tune, when there is one),
 * as {@code rpt:report} and {@code rpt report} write it.
 */
@API(status = INTERNAL, since = "0.3")
public final class ReportFlow {

    private ReportFlow() {}

    /**
     * @return the HTML report's file
     * @throws dev.rpt.tools.gate.GateInputException when there is no report, or the run decided its verdicts otherwise
     *     than configured
     */
    public static Path write(CheckFlow.Project project, RunSettings settings, ProjectTuning.Log log)
            throws IOException {
        CheckFlow.requireRunSettings(
                project.command(),
                settings.config(),
                LastRunReport.read(project.reportDirectory(), project.command(), project.runTests()),
                log);
        Path html = HtmlReport.write(
                project.reportDirectory(),
                TuneRecord.latest(project.reportDirectory()),
                settings.metrics(),
                settings.checkMode());
        log.info("HTML report: " + html);
        return html;
    }
}
