package dev.rpt.maven;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.ConfigSource;
import dev.rpt.core.config.ModelMatrix;
import dev.rpt.core.config.ModelTarget;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.tools.tune.ProjectTuning;
import dev.rpt.tools.tune.TuneEstimate;
import dev.rpt.tools.tune.TuneModels;
import dev.rpt.tools.tune.TuneSettings;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * What only Maven knows for a {@link ProjectTuning}: the project's test classpath (run in an isolated class loader),
 * its directories, and a context class loader that lets the optimizer and critic read the project's resources.
 */
final class MavenProjectTuning {

    /** One prompt's work in {@code rpt:tune} or {@code rpt:diagnose}. */
    @FunctionalInterface
    interface PromptWork {
        void run(ProjectTuning tuning, String prompt) throws IOException, MojoExecutionException, MojoFailureException;
    }

    private MavenProjectTuning() {}

    /** Runs the prompt tests once as they are, then {@code work} for each prompt to work on. */
    static void forEachPrompt(
            MavenProject project,
            List<Artifact> pluginArtifacts,
            ConfigSource source,
            String goal,
            boolean withOptimizer,
            Log log,
            PromptWork work)
            throws MojoExecutionException, MojoFailureException {
        // With several model configurations, the prompt is tuned for one: every candidate runs on it alone, and the
        // critic and optimizer default to its settings as they default to the target's.
        ModelTarget target;
        try {
            // A repeat objective samples every case in every run of the tune, the first run included.
            Map<String, String> overrides = TuneSettings.runOverrides(RptConfig.of(source));
            if (!overrides.isEmpty()) {
                source = ConfigSource.layered(List.of(ConfigSource.of(overrides), source));
            }
            RptConfig all = RptConfig.of(source);
            target = ModelMatrix.from(all).tuneTarget(all);
        } catch (ConfigException e) {
            throw new MojoFailureException(e.getMessage());
        }
        if (target.name().isPresent()) {
            source = ConfigSource.layered(List.of(
                    ConfigSource.of(Map.of(RptConstants.MODELS, target.name().get())), source));
            log.info("Tuning for model configuration '" + target.name().get() + "' (" + RptConstants.TUNE_MODEL + ").");
        }
        RptConfig config = target.config();
        TuneSettings.greedySamplingWarning(config).ifPresent(log::warn);
        try (IsolatedCandidateRunner runner = runner(project, pluginArtifacts, source, goal);
                TuneModels models = models(project, config, withOptimizer)) {
            Map<String, TuneEstimate> estimates = Map.of();
            if (withOptimizer) {
                // The estimate comes before any model call: discovery counts the cases without running them.
                estimates = ProjectTuning.estimate(
                        config,
                        runner.discover(config.string(RptConstants.TUNE_PROMPT)),
                        runner.heldOut(config.string(RptConstants.TUNE_PROMPT)),
                        models,
                        layout(project),
                        mavenLog(log));
                if (ProjectTuning.estimateOnly(config)) {
                    log.info("Estimate only (" + RptConstants.TUNE_ESTIMATE_ONLY + "): no model was called.");
                    return;
                }
            }
            ProjectTuning tuning =
                    ProjectTuning.open(config, runner, runner::runAsIs, models, layout(project), mavenLog(log));
            tuning.expect(estimates);
            for (String prompt : tuning.prompts()) {
                work.run(tuning, prompt);
            }
            tuning.remindIfSimulated();
        } catch (IOException e) {
            throw new MojoExecutionException(goal + " failed: " + e.getMessage(), e);
        }
    }

    static ProjectTuning.Project layout(MavenProject project) {
        List<Path> resources = new ArrayList<>();
        for (Resource resource : project.getResources()) {
            resources.add(Path.of(resource.getDirectory()));
        }
        for (Resource resource : project.getTestResources()) {
            resources.add(Path.of(resource.getDirectory()));
        }
        return new ProjectTuning.Project(
                project.getBasedir().toPath(), Path.of(project.getBuild().getDirectory()), resources);
    }

    static ProjectTuning.Log mavenLog(Log log) {
        return new ProjectTuning.Log() {
            @Override
            public void info(String line) {
                log.info(line);
            }

            @Override
            public void warn(String line) {
                log.warn(line);
            }
        };
    }

    /** The isolated runner of the project's prompt tests; one per goal execution. */
    private static IsolatedCandidateRunner runner(
            MavenProject project, List<Artifact> pluginArtifacts, ConfigSource configuration, String goal)
            throws MojoExecutionException {
        Path testClasses = Path.of(project.getBuild().getTestOutputDirectory());
        if (!Files.isDirectory(testClasses)) {
            throw new MojoExecutionException("There are no compiled test classes in " + testClasses
                    + ". Compile them first: ./mvnw test-compile " + goal + ".");
        }
        List<String> classpath;
        try {
            classpath = project.getTestClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("Cannot resolve the test classpath: " + e.getMessage(), e);
        }
        Set<String> projectKeys = new LinkedHashSet<>();
        for (Artifact artifact : project.getArtifacts()) {
            projectKeys.add(artifact.getGroupId() + ":" + artifact.getArtifactId());
        }
        Map<String, File> pluginFiles = new LinkedHashMap<>();
        for (Artifact artifact : pluginArtifacts) {
            pluginFiles.put(artifact.getGroupId() + ":" + artifact.getArtifactId(), artifact.getFile());
        }
        return IsolatedCandidateRunner.create(
                IsolatedClassPath.urls(classpath, projectKeys, pluginFiles),
                MojoConfiguration.resolved(configuration),
                List.of(testClasses.toString()));
    }

    /**
     * Creates the goal's own models (optimizer and critic) with a context class loader that sees the project's
     * compiled classes and resources on top of the plugin's, so classpath references such as {@code
     * rpt.sim.answers=cases/math.jsonl} resolve as they do for the prompt tests; providers still come from the plugin.
     */
    private static TuneModels models(MavenProject project, RptConfig config, boolean withOptimizer)
            throws MojoExecutionException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(
                    Path.of(project.getBuild().getTestOutputDirectory()).toUri().toURL());
            urls.add(Path.of(project.getBuild().getOutputDirectory()).toUri().toURL());
        } catch (MalformedURLException e) {
            throw new MojoExecutionException("Cannot use the project's output directories: " + e.getMessage(), e);
        }
        try (URLClassLoader resources =
                new URLClassLoader("rpt-project-resources", urls.toArray(URL[]::new), previous)) {
            thread.setContextClassLoader(resources);
            return TuneModels.create(config, withOptimizer);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot release the project's resources: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
