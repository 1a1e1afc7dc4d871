package dev.rpt.tools.flow;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.settings.RunSettings;
import dev.rpt.core.thresholds.CheckMode;
import dev.rpt.core.verdict.VerdictSettings;
import dev.rpt.tools.gate.Baseline;
import dev.rpt.tools.gate.Gate;
import dev.rpt.tools.gate.GateInputException;
import dev.rpt.tools.gate.GateResult;
import dev.rpt.tools.gate.GateSettings;
import dev.rpt.tools.gate.GateSummary;
import dev.rpt.tools.gate.Rule;
import dev.rpt.tools.html.HtmlReport;
import dev.rpt.tools.tune.ProjectTuning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The CI gate over a test run's report, as {@code rpt:check} and {@code rpt check} run it: the class verdicts as the
 * run decided them, the rules, and the regression test against the committed baseline; then the HTML report, {@code
 * summary.md} (and GitHub's step summary) and, on GitHub Actions, an annotation per failing class. It never calls a
 * model.
 */
@API(status = INTERNAL, since = "0.3")
public final class CheckFlow {

    /**
     * Where the project is, as the front end knows it.
     *
     * @param baseDirectory the project's directory, which relative paths such as the baseline's are resolved against
     * @param reportDirectory where the test run wrote {@code last-run.json}
     * @param resourceDirectories the main, then test, resource directories, where the prompt files are found
     * @param command the command the user ran, e.g. {@code rpt:check}, for messages
     * @param runTests how the user runs the tests, e.g. {@code run mvn verify (or mvn test rpt:check)}, for messages
     * @param wording the words of the front end's users for rpt's commands, for what the flow writes to files (the
     *     front end rewords what it prints itself)
     */
    public record Project(
            Path baseDirectory,
            Path reportDirectory,
            List<Path> resourceDirectories,
            String command,
            String runTests,
            Wording wording) {

        public Project {
            resourceDirectories = List.copyOf(resourceDirectories);
            Objects.requireNonNull(wording, "wording");
        }
    }

    private CheckFlow() {}

    /**
     * Checks the project's last test run.
     *
     * @param config the configuration the front end resolved ({@code rpt.check.*}, {@code rpt.metrics.*})
     * @param rules the JaCoCo-style rules, if any
     * @param environment the process environment, for GitHub's step summary and annotations
     * @param log where the result's lines go; annotations go to {@code annotations}, each on a line of its own
     * @throws GateInputException when there is no report, or the run decided its verdicts otherwise than configured
     * @throws dev.rpt.tools.gate.BaselineException when the committed baseline cannot be read
     * @throws IOException when the report, the HTML report or the summary cannot be read or written
     */
    public static GateResult check(
            Project project,
            RunSettings config,
            List<Rule> rules,
            Map<String, String> environment,
            ProjectTuning.Log log,
            Consumer<String> annotations)
            throws IOException {
        RunReport run = LastRunReport.read(project.reportDirectory(), project.command(), project.runTests());
        requireRunSettings(project.command(), config.config(), run, log);
        GateSettings settings = GateSettings.from(config);
        GateSettings.alphaMeaningNote(config.config()).ifPresent(log::warn);
        GateResult result = new Gate(settings).check(run, baseline(project, settings), rules);
        result.lines().forEach(log::info);
        log.info("HTML report: "
                + HtmlReport.write(
                        project.reportDirectory(),
                        Optional.empty(),
                        settings.metrics(),
                        CheckMode.POINT_ESTIMATE,
                        Optional.of(result.reworded(project.wording()))));
        log.info("Summary: "
                + GateSummary.write(project.reportDirectory(), run, result, environment, project.wording()));
        GateSummary.annotations(run, environment, resource -> promptFile(project, resource))
                .forEach(annotations);
        run.model().simulatorWarning("the checked run").forEach(log::warn);
        return result;
    }

    /**
     * The class verdicts in the report were decided with the run's settings ({@code rpt.check.mode}, {@code
     * rpt.metrics.bins}); a gate configured otherwise would be silently overruled, so that is an error naming the keys.
     */
    static void requireRunSettings(String command, RptConfig config, RunReport run, ProjectTuning.Log log) {
        if (run.verdictSettings().isEmpty()) {
            return;
        }
        VerdictSettings used = run.verdictSettings().get();
        List<String> conflicts = used.conflicts(config);
        if (!conflicts.isEmpty()) {
            throw new GateInputException(command + " reads each class's verdict as the test run decided it, and "
                    + String.join("; ", conflicts) + ". Set these keys where the tests run (e.g."
                    + " src/test/resources/junit-platform.properties, which both read), or remove them from "
                    + command + "'s configuration.");
        }
        log.info("Verdicts as the checked test run decided them: " + used.describe());
    }

    private static Optional<Baseline> baseline(Project project, GateSettings settings) {
        Path file = project.baseDirectory().resolve(settings.baseline());
        return Files.isRegularFile(file) ? Optional.of(Baseline.read(file)) : Optional.empty();
    }

    private static Optional<Path> promptFile(Project project, String resource) {
        return project.resourceDirectories().stream()
                .map(directory -> directory.resolve(resource))
                .filter(Files::isRegularFile)
                .findFirst();
    }
}
