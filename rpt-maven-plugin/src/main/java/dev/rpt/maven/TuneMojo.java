package dev.rpt.maven;

import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.report.AtomicFiles;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.report.RunReportWriter;
import dev.rpt.core.report.html.HtmlReport;
import dev.rpt.core.report.html.TuneRecord;
import dev.rpt.core.thresholds.Thresholds;
import dev.rpt.core.tune.DiagnosticFunction;
import dev.rpt.core.tune.DiagnosticFunctions;
import dev.rpt.core.tune.Goals;
import dev.rpt.core.tune.TuneCheckpoint;
import dev.rpt.core.tune.TuneModels;
import dev.rpt.core.tune.TuneOutput;
import dev.rpt.core.tune.TuneResult;
import dev.rpt.core.tune.TuneSettings;
import dev.rpt.core.tune.TuneStopped;
import dev.rpt.core.tune.Tuner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code rpt:tune}: tunes the project's prompts with the reflective loop. An optimizer model evaluates candidates on
 * the project's own prompt tests, reads the diagnosed failure modes, patches the prompt, and the best candidate on
 * the held-out cases is written back to the prompt's source file if it beats the seed ({@code rpt.tune.dry-run}
 * only prints the diff). Bound to no phase: run it by hand.
 */
@Mojo(name = "tune", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = false)
@Execute(phase = LifecyclePhase.TEST_COMPILE)
public class TuneMojo extends AbstractRptMojo {

    /** Skips {@code rpt:tune} only. */
    @Parameter(property = "rpt.tune.skip", defaultValue = "false")
    protected boolean skipTune;

    @Override
    protected boolean skipGoal() {
        return skipTune;
    }

    @Override
    protected String skipProperty() {
        return "rpt.tune.skip";
    }

    @Override
    protected String goalName() {
        return "rpt:tune";
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        forEachPrompt(
                true,
                (prompt, first, session) ->
                        tune(prompt, first, session.runner(), session.models(), session.settings(), session.config()));
    }

    private void tune(
            String prompt,
            RunReport first,
            IsolatedCandidateRunner runner,
            TuneModels models,
            TuneSettings settings,
            RptConfig config)
            throws MojoExecutionException, MojoFailureException {
        Path source = promptSource(prompt);
        Thresholds goals = Goals.strictest(first.classes(), prompt);
        Path record = tuneDirectory().resolve(recordId(prompt));
        getLog().info("Tuning " + prompt + " (" + source + "), goals: " + goals.describe()
                + (settings.dryRun() ? "; dry run, the file stays as it is" : ""));
        DiagnosticFunction diagnostic = DiagnosticFunctions.create(
                runner, prompt, goals, models.critic(), models.embeddings(), models.critiques(), settings, config);
        TuneResult result;
        try {
            Tuner tuner =
                    new Tuner(settings, models.optimizer().orElseThrow(), diagnostic, models.ledger(), getLog()::info);
            Optional<Path> unfinished = config.choice(RptConstants.TUNE_RESUME, java.util.List.of("true", "false"))
                            .map(Boolean::parseBoolean)
                            .orElse(false)
                    ? TuneCheckpoint.findUnfinished(tuneDirectory(), recordSuffix(prompt))
                    : Optional.empty();
            if (unfinished.isPresent()) {
                result = tuner.resume(source, goals, TuneCheckpoint.load(unfinished.get()));
            } else {
                if (config.string(RptConstants.TUNE_RESUME)
                        .filter(Boolean::parseBoolean)
                        .isPresent()) {
                    getLog().info("Nothing to resume for " + prompt + " under " + tuneDirectory() + "; starting anew.");
                }
                result = tuner.tune(source, goals, record);
            }
        } catch (TuneStopped e) {
            throw new MojoFailureException("The tune of " + prompt + " stopped: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("The tune of " + prompt + " failed: " + e.getMessage(), e);
        }
        getLog().info("Stopped: " + result.stopReason());
        if (result.diff().isEmpty()) {
            getLog().info("No candidate beat the seed on the held-out cases; " + source + " is unchanged.");
        } else {
            getLog().info("Best candidate (iteration " + result.best().iteration() + ") against the seed:");
            result.diff().lines().forEach(getLog()::info);
            getLog().info(
                            result.written()
                                    ? "Wrote the best candidate to " + source + "."
                                    : "Dry run: " + source + " is unchanged; the diff is in the record.");
        }
        TuneOutput.summaryTable(result.seed(), result.best()).forEach(getLog()::info);
        getLog().info("Record (every candidate, report, transcript and diff): " + result.record());
        writeHtmlReport(result, config);
    }

    /** Writes the HTML report of the best iteration with the tune's trajectory, in the record and as target/rpt/report.html. */
    private void writeHtmlReport(TuneResult result, RptConfig config) throws MojoExecutionException {
        Path bestRun = TuneRecord.iterationDirectory(
                        result.record(), result.best().iteration())
                .resolve("report")
                .resolve(RunReportWriter.LAST_RUN);
        try {
            String html = HtmlReport.render(
                    RunReport.read(bestRun),
                    Optional.of(TuneRecord.read(result.record())),
                    MetricsOptions.from(config));
            AtomicFiles.writeString(result.record().resolve(HtmlReport.FILE_NAME), html);
            Path latest = Path.of(project.getBuild().getDirectory(), "rpt", HtmlReport.FILE_NAME);
            AtomicFiles.writeString(latest, html);
            getLog().info("HTML report: " + latest);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Cannot write the HTML report of " + result.record() + ": " + e.getMessage(), e);
        }
    }
}
