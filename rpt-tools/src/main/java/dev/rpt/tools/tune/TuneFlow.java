package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.ConfigSource;
import dev.rpt.core.config.ModelTarget;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.settings.RunSettings;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The whole of {@code rpt:tune} and {@code rpt:diagnose} once a build tool has said where the project is: which
 * configuration the runs get, which model the prompt is tuned for, the estimate before any model call, the first run
 * as the prompts are, and the work on each prompt. The Maven goals are adapters over it; a command line or a Gradle
 * task would call the same two methods.
 */
@API(status = INTERNAL, since = "0.1")
public final class TuneFlow {

    /** Opens the project's prompt tests with the configuration every run gets, e.g. {@link IsolatedPromptTests}. */
    @FunctionalInterface
    public interface TestsOpener {
        ProjectPromptTests open(Map<String, String> configuration) throws IOException;
    }

    /**
     * What the build tool knows about the project.
     *
     * @param layout where the project keeps its files
     * @param classDirectories the compiled test and main classes, whose resources the optimizer and critic may name
     *     (e.g. {@code rpt.sim.answers=cases/math.jsonl}) as the prompt tests do
     * @param tests opens the project's prompt tests
     */
    public record Build(ProjectTuning.Project layout, List<Path> classDirectories, TestsOpener tests) {

        public Build {
            Objects.requireNonNull(layout, "layout");
            classDirectories = List.copyOf(classDirectories);
            Objects.requireNonNull(tests, "tests");
        }
    }

    /** One prompt's work. */
    @FunctionalInterface
    private interface PromptWork<T> {
        T run(ProjectTuning tuning, String prompt) throws IOException;
    }

    private TuneFlow() {}

    /**
     * Tunes every prompt the project's tests name (or {@code rpt.tune.prompt}).
     *
     * @return each prompt's result, in order; empty when {@code rpt.tune.estimate-only} asked for the estimate alone
     * @throws TuneStopped naming the prompt, when a budget or the provider stopped its tune before it could finish
     * @throws dev.rpt.core.config.ConfigException when the configuration is wrong; the message names the key
     * @throws IOException when the tests cannot run or a record cannot be written
     */
    public static List<TuneResult> tune(Build build, ConfigSource source, ProjectTuning.Log log) throws IOException {
        return forEachPrompt(build, source, true, log, (tuning, prompt) -> {
            try {
                return tuning.tune(prompt);
            } catch (TuneStopped e) {
                throw new TuneStopped("The tune of " + prompt + " stopped: " + e.getMessage(), e);
            }
        });
    }

    /**
     * Diagnoses every prompt the project's tests name (or {@code rpt.tune.prompt}) once, as it is.
     *
     * @return each prompt's diagnostic report file, in order
     * @throws dev.rpt.core.config.ConfigException when the configuration is wrong; the message names the key
     * @throws IOException when the tests cannot run or a report cannot be written
     */
    public static List<Path> diagnose(Build build, ConfigSource source, ProjectTuning.Log log) throws IOException {
        return forEachPrompt(build, source, false, log, ProjectTuning::diagnose);
    }

    private static <T> List<T> forEachPrompt(
            Build build, ConfigSource source, boolean withOptimizer, ProjectTuning.Log log, PromptWork<T> work)
            throws IOException {
        // A repeat objective samples every case in every run of the tune, the first run included.
        Map<String, String> overrides = TuneSettings.runOverrides(RptConfig.of(source));
        if (!overrides.isEmpty()) {
            source = ConfigSource.layered(List.of(ConfigSource.of(overrides), source));
        }
        // With several model configurations, the prompt is tuned for one: every candidate runs on it alone, and the
        // critic and optimizer default to its settings as they default to the target's.
        RunSettings all = RunSettings.resolve(source);
        ModelTarget target = all.models().tuneTarget(all.config());
        if (target.name().isPresent()) {
            source = ConfigSource.layered(List.of(
                    ConfigSource.of(Map.of(RptConstants.MODELS, target.name().get())), source));
            log.info("Tuning for model configuration '" + target.name().get() + "' (" + RptConstants.TUNE_MODEL + ").");
        }
        RptConfig config = target.config();
        TuneSettings.greedySamplingWarning(config).ifPresent(log::warn);
        List<T> results = new ArrayList<>();
        try (ProjectPromptTests tests = build.tests().open(source.resolved());
                TuneModels models = models(build.classDirectories(), all, target.name(), withOptimizer)) {
            Map<String, TuneEstimate> estimates = Map.of();
            if (withOptimizer) {
                // The estimate comes before any model call: discovery counts the cases without running them.
                Optional<String> only = config.string(RptConstants.TUNE_PROMPT);
                estimates = ProjectTuning.estimate(
                        config, tests.discover(only), tests.heldOut(only), models, build.layout(), log);
                if (ProjectTuning.estimateOnly(config)) {
                    log.info("Estimate only (" + RptConstants.TUNE_ESTIMATE_ONLY + "): no model was called.");
                    return results;
                }
            }
            ProjectTuning tuning = ProjectTuning.open(config, tests, tests::runAsIs, models, build.layout(), log);
            tuning.expect(estimates);
            for (String prompt : tuning.prompts()) {
                results.add(work.run(tuning, prompt));
            }
            tuning.remindIfSimulated();
        }
        return results;
    }

    /**
     * Creates the flow's own models (optimizer and critic) with a context class loader that sees the project's
     * compiled classes and resources on top of rpt's, so classpath references resolve as they do for the prompt tests;
     * providers still come from rpt's own class path.
     */
    private static TuneModels models(
            List<Path> classDirectories, RunSettings settings, Optional<String> model, boolean withOptimizer)
            throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        List<URL> urls = new ArrayList<>();
        for (Path directory : classDirectories) {
            try {
                urls.add(directory.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IOException(
                        "Cannot use the project's class directory " + directory + ": " + e.getMessage(), e);
            }
        }
        try (URLClassLoader resources =
                new URLClassLoader("rpt-project-resources", urls.toArray(URL[]::new), previous)) {
            thread.setContextClassLoader(resources);
            return TuneModels.create(settings, model, withOptimizer);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
