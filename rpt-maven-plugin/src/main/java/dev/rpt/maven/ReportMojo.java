package dev.rpt.maven;

import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.config.ConfigSource;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.thresholds.CheckMode;
import dev.rpt.tools.html.HtmlReport;
import dev.rpt.tools.record.TuneRecord;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes {@code target/rpt/report.html}: one self-contained page with the last run's metrics, reliability diagrams,
 * confidence histograms and failures, and the latest tune's trajectory, failure modes and diffs. It calls no model.
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractRptMojo {

    /** Skips this goal. */
    @Parameter(property = "rpt.report.skip", defaultValue = "false")
    protected boolean skipReport;

    @Override
    protected boolean skipGoal() {
        return skipReport;
    }

    @Override
    protected String skipProperty() {
        return "rpt.report.skip";
    }

    @Override
    protected String goalName() {
        return "rpt:report";
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        ConfigSource source = configurationSource();
        Path reportDirectory = reportDirectory(RptConfig.of(source));
        RptConfig config = RptConfig.of(source);
        requireRunSettings(config, lastRun(reportDirectory));
        try {
            Path html = HtmlReport.write(
                    reportDirectory,
                    TuneRecord.latest(reportDirectory),
                    MetricsOptions.from(config),
                    CheckMode.from(config));
            getLog().info("HTML report: " + html);
        } catch (IOException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
