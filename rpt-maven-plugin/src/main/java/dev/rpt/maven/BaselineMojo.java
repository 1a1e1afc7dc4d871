package dev.rpt.maven;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.settings.RunSettings;
import dev.rpt.tools.flow.BaselineFlow;
import dev.rpt.tools.gate.BaselineException;
import dev.rpt.tools.gate.GateInputException;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the baseline {@code rpt:check} compares with, from the last run: per class, the prompt's sha256, the
 * metrics and every case's outcome. It refuses a run with errored cases unless forced: an outage is no baseline.
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractRptMojo {

    /** Skips this goal. */
    @Parameter(property = "rpt.baseline.skip", defaultValue = "false")
    protected boolean skipBaseline;

    /** Write the baseline even when the run had errored cases. */
    @Parameter(property = "rpt.baseline.force", defaultValue = "false")
    protected boolean force;

    /**
     * Pool the run with the committed baseline instead of replacing it: each case then holds the samples of every
     * pooled run, so one lucky or unlucky run weighs less (docs/ci.md). The prompts and cases must be the same.
     */
    @Parameter(property = "rpt.baseline.pool", defaultValue = "false")
    protected boolean pool;

    @Override
    protected boolean skipGoal() {
        return skipBaseline;
    }

    @Override
    protected String skipProperty() {
        return "rpt.baseline.skip";
    }

    @Override
    protected String goalName() {
        return "rpt:baseline";
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        RunSettings settings = settings();
        RptConfig config = settings.config();
        try {
            BaselineFlow.write(
                    MavenProjectTuning.checkProject(project, reportDirectory(config), goalName()),
                    settings,
                    force,
                    pool,
                    MavenProjectTuning.mavenLog(getLog()));
        } catch (BaselineException | GateInputException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException(goalName() + " failed: " + e.getMessage(), e);
        }
    }
}
