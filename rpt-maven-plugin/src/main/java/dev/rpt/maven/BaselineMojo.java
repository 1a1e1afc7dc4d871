package dev.rpt.maven;

import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.report.RunReport;
import dev.rpt.tools.gate.Baseline;
import dev.rpt.tools.gate.BaselineException;
import java.nio.file.Path;
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
        RptConfig config = RptConfig.of(configurationSource());
        RunReport run = lastRun(reportDirectory(config));
        Path file = project.getBasedir()
                .toPath()
                .resolve(config.string(RptConstants.CHECK_BASELINE).orElse(Baseline.DEFAULT_PATH));
        try {
            Baseline fresh = Baseline.from(run, force, MetricsOptions.from(config));
            Baseline written =
                    pool && java.nio.file.Files.exists(file) ? Baseline.pool(Baseline.read(file), fresh) : fresh;
            written.write(file);
            if (written.runs() > 1) {
                getLog().info("Pooled run " + run.runId() + " with the committed baseline: it now holds "
                        + written.runs() + " runs.");
            }
        } catch (BaselineException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        getLog().info("Wrote the baseline of run " + run.runId() + " ("
                + run.classes().size() + " prompt test classes) to " + file
                + ". Commit it: rpt:check compares every build with it.");
        warnIfSimulated(run.model(), "the baseline's run");
        Baseline.cachedAnswersNote(run, java.time.Instant.now()).ifPresent(getLog()::warn);
    }
}
