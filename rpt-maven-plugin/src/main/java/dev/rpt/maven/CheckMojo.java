package dev.rpt.maven;

import dev.rpt.core.config.ConfigSource;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.thresholds.CheckMode;
import dev.rpt.tools.gate.Baseline;
import dev.rpt.tools.gate.BaselineException;
import dev.rpt.tools.gate.Gate;
import dev.rpt.tools.gate.GateInputException;
import dev.rpt.tools.gate.GateResult;
import dev.rpt.tools.gate.GateSettings;
import dev.rpt.tools.gate.GateSummary;
import dev.rpt.tools.gate.Rule;
import dev.rpt.tools.html.HtmlReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The CI gate: reads the test phase's {@code target/rpt/last-run.json} (it never calls a model) and fails the build
 * when a class is below its {@code @Thresholds}, breaks a configured rule, or regresses against the committed
 * baseline beyond the tolerance and significantly.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractRptMojo {

    /** Skips this goal. */
    @Parameter(property = "rpt.check.skip", defaultValue = "false")
    protected boolean skipCheck;

    /** Fail the build on a violation ({@code true}), or only report it. */
    @Parameter(property = "rpt.check.halt-on-failure", defaultValue = "true")
    protected boolean haltOnFailure;

    /** Rules in JaCoCo's shape: an element ({@code RUN}, {@code CLASS}, {@code CASE}) and limits on counters. */
    @Parameter
    protected List<RuleConfig> rules;

    @Override
    protected boolean skipGoal() {
        return skipCheck;
    }

    @Override
    protected String skipProperty() {
        return "rpt.check.skip";
    }

    @Override
    protected String goalName() {
        return "rpt:check";
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        ConfigSource source = configurationSource();
        Path reportDirectory = reportDirectory(RptConfig.of(source));
        RunReport run = lastRun(reportDirectory);
        RptConfig config = RptConfig.of(source);
        requireRunSettings(config, run);
        GateSettings settings = GateSettings.from(config);
        GateSettings.alphaMeaningNote(config).ifPresent(getLog()::warn);
        List<Rule> rules;
        try {
            rules = rules();
        } catch (IllegalArgumentException e) {
            // A <rules> entry naming an element or counter rpt does not know, or a limit out of range.
            throw new MojoFailureException(e.getMessage(), e);
        }
        GateResult result;
        try {
            result = new Gate(settings).check(run, baseline(settings), rules);
        } catch (BaselineException | GateInputException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        result.lines().forEach(getLog()::info);
        writeHtml(reportDirectory, settings, result);
        writeSummary(reportDirectory, run, result);
        warnIfSimulated(run.model(), "the checked run");
        if (result.passed()) {
            getLog().info(result.passedMessage());
        } else if (haltOnFailure) {
            throw new MojoFailureException(result.failureMessage());
        } else {
            result.violations().forEach(violation -> getLog().warn(violation));
            getLog().warn("rpt:check reports without failing (haltOnFailure=false).");
        }
    }

    private Optional<Baseline> baseline(GateSettings settings) throws BaselineException {
        Path file = project.getBasedir().toPath().resolve(settings.baseline());
        return Files.isRegularFile(file) ? Optional.of(Baseline.read(file)) : Optional.empty();
    }

    private List<Rule> rules() {
        return rules == null
                ? List.of()
                : rules.stream().map(RuleConfig::toRule).toList();
    }

    /** summary.md (and GitHub's step summary), and on GitHub Actions an annotation per failing class on its prompt. */
    private void writeSummary(Path reportDirectory, RunReport run, GateResult result) throws MojoExecutionException {
        try {
            getLog().info("Summary: " + GateSummary.write(reportDirectory, run, result, System.getenv()));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the summary: " + e.getMessage(), e);
        }
        // Workflow commands must start their line, so they bypass Maven's "[INFO] " prefix.
        GateSummary.annotations(run, System.getenv(), this::promptFile).forEach(System.out::println);
    }

    private Optional<Path> promptFile(String resource) {
        return Stream.concat(project.getResources().stream(), project.getTestResources().stream())
                .map(directory -> Path.of(directory.getDirectory()).resolve(resource))
                .filter(Files::isRegularFile)
                .findFirst();
    }

    private void writeHtml(Path reportDirectory, GateSettings settings, GateResult result)
            throws MojoExecutionException {
        try {
            getLog().info("HTML report: "
                    + HtmlReport.write(
                            reportDirectory,
                            Optional.empty(),
                            settings.metrics(),
                            CheckMode.POINT_ESTIMATE,
                            Optional.of(result)));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the HTML report: " + e.getMessage(), e);
        }
    }
}
