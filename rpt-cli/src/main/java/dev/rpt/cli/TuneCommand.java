package dev.rpt.cli;

import dev.rpt.core.config.ConfigSource;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.settings.RunSettings;
import dev.rpt.tools.tune.IsolatedPromptTests;
import dev.rpt.tools.tune.ProjectTuning;
import dev.rpt.tools.tune.TuneFlow;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rpt tune}, {@code rpt diagnose} and {@code rpt estimate}: the tune's flow, as {@code rpt:tune} runs it. */
abstract class TuneCommand implements Callable<Integer> {

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Mixin
    TestOptions tests = new TestOptions();

    /** The flow's work, on the build and configuration. */
    abstract void run(TuneFlow.Build build, ConfigSource source, ProjectTuning.Log log) throws Exception;

    /** Keys the command sets on top of the user's. */
    Map<String, String> overrides() {
        return Map.of();
    }

    @Override
    public Integer call() throws Exception {
        ProjectTuning.Log log = Console.log(System.out, System.err);
        ConfigSource source = ConfigSource.layered(List.of(ConfigSource.of(overrides()), project.configuration()));
        RunSettings.resolve(source).unknownKeys().forEach(log::warn);
        List<URL> urls = tests.urls(project);
        Path testClasses = tests.testClasses(project);
        TuneFlow.Build build = new TuneFlow.Build(
                new ProjectTuning.Project(project.base(), project.build(), project.resourceDirectories()),
                List.of(testClasses, tests.classes(project)),
                configuration -> IsolatedPromptTests.open(urls, configuration, List.of(testClasses)));
        run(build, source, log);
        return ExitCode.PASSED;
    }

    @Command(
            name = "tune",
            mixinStandardHelpOptions = true,
            description =
                    "Tunes the project's prompts with the reflective loop and writes each adopted candidate to its"
                            + " prompt file (rpt.tune.dry-run only prints the diff). As mvn rpt:tune.")
    static final class Tune extends TuneCommand {
        @Override
        void run(TuneFlow.Build build, ConfigSource source, ProjectTuning.Log log) throws Exception {
            TuneFlow.tune(build, source, log);
        }
    }

    @Command(
            name = "diagnose",
            mixinStandardHelpOptions = true,
            description =
                    "Runs the diagnostic function once on each prompt as it is and prints its failure modes; changes"
                            + " no file. As mvn rpt:diagnose.")
    static final class Diagnose extends TuneCommand {
        @Override
        void run(TuneFlow.Build build, ConfigSource source, ProjectTuning.Log log) throws Exception {
            TuneFlow.diagnose(build, source, log);
        }
    }

    @Command(
            name = "estimate",
            mixinStandardHelpOptions = true,
            description =
                    "Prints each prompt's tune estimate (calls, tokens, cost, and the smallest gain its confirmation"
                            + " cases can adopt) without calling any model. As mvn rpt:tune -Drpt.tune.estimate-only=true.")
    static final class Estimate extends TuneCommand {
        @Override
        Map<String, String> overrides() {
            return Map.of(RptConstants.TUNE_ESTIMATE_ONLY, "true");
        }

        @Override
        void run(TuneFlow.Build build, ConfigSource source, ProjectTuning.Log log) throws Exception {
            TuneFlow.tune(build, source, log);
        }
    }
}
