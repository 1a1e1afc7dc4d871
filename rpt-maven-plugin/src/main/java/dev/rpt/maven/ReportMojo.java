package dev.rpt.maven;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.settings.RunSettings;
import dev.rpt.tools.flow.ReportFlow;
import dev.rpt.tools.gate.GateInputException;
import java.io.IOException;
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
        RunSettings settings = settings();
        RptConfig config = settings.config();
        try {
            ReportFlow.write(
                    MavenProjectTuning.checkProject(project, reportDirectory(config), goalName()),
                    settings,
                    MavenProjectTuning.mavenLog(getLog()));
        } catch (GateInputException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
