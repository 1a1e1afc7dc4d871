package dev.rpt.cli;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.settings.RunSettings;
import dev.rpt.tools.flow.BaselineFlow;
import dev.rpt.tools.flow.CheckFlow;
import dev.rpt.tools.flow.Wording;
import dev.rpt.tools.gate.GateResult;
import dev.rpt.tools.tune.ProjectTuning;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rpt check} and {@code rpt baseline}: the gate's flows over the test run's report, as the Maven goals run them. */
abstract class GateCommand implements Callable<Integer> {

    @Mixin
    ProjectOptions project = new ProjectOptions();

    /** The project as the gate's flows need it, with {@code rpt.report.dir} or {@code <build-dir>/rpt}. */
    CheckFlow.Project checkProject(RptConfig config, String command) {
        Path reports = config.string(RptConstants.REPORT_DIR)
                .map(project.base()::resolve)
                .orElse(project.build().resolve("rpt"));
        return new CheckFlow.Project(
                project.base(),
                reports,
                project.resourceDirectories(),
                command,
                "run the prompt tests first (mvn test, gradle test)",
                Wording.COMMAND_LINE);
    }

    /** The run's settings, resolved once, after a warning for each misspelt key. */
    RunSettings settings(ProjectTuning.Log log) {
        RunSettings settings = RunSettings.resolve(project.configuration());
        settings.unknownKeys().forEach(log::warn);
        return settings;
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description =
                    "The CI gate: reads the test run's last-run.json, never calls a model, and exits 1 when a class"
                            + " is below its @Thresholds or regresses against the committed baseline beyond the tolerance and"
                            + " significantly. Writes the HTML report and summary.md. As mvn rpt:check.")
    static final class Check extends GateCommand {

        @Option(names = "--no-halt", description = "Report violations but exit 0 (rpt.check.halt-on-failure=false).")
        boolean noHalt;

        @Override
        public Integer call() throws Exception {
            ProjectTuning.Log log = Console.log(System.out, System.err);
            RunSettings settings = settings(log);
            GateResult result = CheckFlow.check(
                    checkProject(settings.config(), "rpt check"),
                    settings,
                    List.of(),
                    System.getenv(),
                    log,
                    line -> System.out.println(Wording.COMMAND_LINE.apply(line)));
            if (result.passed()) {
                log.info(result.passedMessage());
                return ExitCode.PASSED;
            }
            result.violations().forEach(log::warn);
            log.info(result.failureMessage());
            return noHalt ? ExitCode.PASSED : ExitCode.FAILED;
        }
    }

    @Command(
            name = "baseline",
            mixinStandardHelpOptions = true,
            description = "Writes the baseline rpt check compares with, from the test run's last-run.json. As mvn"
                    + " rpt:baseline.")
    static final class Baseline extends GateCommand {

        @Option(names = "--force", description = "Write it even when the run had errored cases.")
        boolean force;

        @Option(names = "--pool", description = "Pool the run with the committed baseline instead of replacing it.")
        boolean pool;

        @Override
        public Integer call() throws Exception {
            ProjectTuning.Log log = Console.log(System.out, System.err);
            RunSettings settings = settings(log);
            BaselineFlow.write(checkProject(settings.config(), "rpt baseline"), settings, force, pool, log);
            return ExitCode.PASSED;
        }
    }
}
