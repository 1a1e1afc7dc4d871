package dev.rpt.tools.flow;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.RptConstants;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.settings.RunSettings;
import dev.rpt.tools.gate.Baseline;
import dev.rpt.tools.tune.ProjectTuning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * Writes the baseline the gate compares with, from the last test run, as {@code rpt:baseline} and {@code rpt
 * baseline} do: per class, the prompt's sha256, the metrics and every case's outcome. It refuses a run with errored
 * cases unless forced (an outage is no baseline), and can pool the run with the committed baseline.
 */
@API(status = INTERNAL, since = "0.3")
public final class BaselineFlow {

    private BaselineFlow() {}

    /**
     * @param force write it even when the run had errored cases
     * @param pool pool the run with the committed baseline instead of replacing it
     * @return the baseline file written
     * @throws dev.rpt.tools.gate.GateInputException when there is no run report
     * @throws dev.rpt.tools.gate.BaselineException when the run cannot be a baseline (errored cases, or pooling runs
     *     of different prompts or cases)
     */
    public static Path write(
            CheckFlow.Project project, RunSettings settings, boolean force, boolean pool, ProjectTuning.Log log)
            throws IOException {
        RunReport run = LastRunReport.read(project.reportDirectory(), project.command(), project.runTests());
        Path file = project.baseDirectory()
                .resolve(settings.config().string(RptConstants.CHECK_BASELINE).orElse(Baseline.DEFAULT_PATH));
        Baseline fresh = Baseline.from(run, force, settings.metrics());
        Baseline written = pool && Files.exists(file) ? Baseline.pool(Baseline.read(file), fresh) : fresh;
        written.write(file);
        if (written.runs() > 1) {
            log.info("Pooled run " + run.runId() + " with the committed baseline: it now holds " + written.runs()
                    + " runs.");
        }
        log.info("Wrote the baseline of run " + run.runId() + " ("
                + run.classes().size() + " prompt test classes) to "
                + file + ". Commit it: " + project.command().replace("baseline", "check")
                + " compares every build with it.");
        run.model().simulatorWarning("the baseline's run").forEach(log::warn);
        Baseline.cachedAnswersNote(run, Instant.now()).ifPresent(log::warn);
        return file;
    }
}
