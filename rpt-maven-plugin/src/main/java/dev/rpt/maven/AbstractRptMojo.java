package dev.rpt.maven;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.ConfigSource;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.tune.TuneModels;
import dev.rpt.core.tune.TuneSettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What {@code rpt:tune} and {@code rpt:diagnose} share: skipping, the layered {@code rpt.*} configuration, the
 * isolated run of the project's prompt tests, and finding the prompts and their source files.
 */
public abstract class AbstractRptMojo extends AbstractMojo {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** The project the goal works on. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The build session, for user properties ({@code -Drpt.x=y}). */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** The plugin's own artifacts: the engine and launcher jars the isolated loader adds when the project lacks them. */
    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    protected List<Artifact> pluginArtifacts;

    /**
     * {@code rpt.*} keys for this goal, e.g. {@code <rpt.tune.max-iterations>8</rpt.tune.max-iterations>}. They win
     * over {@code -D} properties and {@code src/test/resources/junit-platform.properties}.
     */
    @Parameter
    protected Map<String, String> properties;

    /** Skips every rpt goal. */
    @Parameter(property = "rpt.skip", defaultValue = "false")
    protected boolean skip;

    /** Skips the goal when {@code rpt.skip} or its own skip property is set, or else runs it. */
    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: rpt.skip is true.");
            return;
        }
        if (skipGoal()) {
            getLog().info("Skipping: " + skipProperty() + " is true.");
            return;
        }
        try {
            executeGoal();
        } catch (ConfigException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** Whether the goal's own skip property is set. */
    protected abstract boolean skipGoal();

    /** The name of the goal's own skip property, for the log. */
    protected abstract String skipProperty();

    /** The goal's work, once it is not skipped. */
    protected abstract void executeGoal() throws MojoExecutionException, MojoFailureException;

    /** The layered configuration: plugin {@code <properties>}, user and system properties, the project's file. */
    final ConfigSource configurationSource() throws MojoExecutionException {
        return MojoConfiguration.layered(
                properties,
                session.getUserProperties(),
                System.getProperties(),
                project.getBasedir().toPath().resolve(MojoConfiguration.JUNIT_PLATFORM_PROPERTIES));
    }

    /** The isolated runner of the project's prompt tests; one per goal execution. */
    final IsolatedCandidateRunner candidateRunner(ConfigSource configuration) throws MojoExecutionException {
        Path testClasses = Path.of(project.getBuild().getTestOutputDirectory());
        if (!Files.isDirectory(testClasses)) {
            throw new MojoExecutionException("There are no compiled test classes in " + testClasses
                    + ". Compile them first: ./mvnw test-compile " + goalName() + ".");
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
     * Creates the mojo's own models (optimizer and critic). They are created with a context class loader that sees
     * the project's compiled classes and resources on top of the plugin's, so classpath references such as {@code
     * rpt.sim.answers=cases/math.jsonl} resolve as they do for the prompt tests; providers still come from the plugin.
     */
    final TuneModels models(RptConfig config, boolean withOptimizer) throws MojoExecutionException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        List<java.net.URL> urls = new ArrayList<>();
        try {
            urls.add(
                    Path.of(project.getBuild().getTestOutputDirectory()).toUri().toURL());
            urls.add(Path.of(project.getBuild().getOutputDirectory()).toUri().toURL());
        } catch (java.net.MalformedURLException e) {
            throw new MojoExecutionException("Cannot use the project's output directories: " + e.getMessage(), e);
        }
        try (java.net.URLClassLoader resources =
                new java.net.URLClassLoader("rpt-project-resources", urls.toArray(java.net.URL[]::new), previous)) {
            thread.setContextClassLoader(resources);
            return TuneModels.create(config, withOptimizer);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot release the project's resources: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** One prompt's work in a goal that runs the project's prompt tests: a tune or a diagnosis. */
    @FunctionalInterface
    interface PromptWork {
        void run(String prompt, RunReport firstRun, Session session)
                throws MojoExecutionException, MojoFailureException;
    }

    /**
     * What a goal that runs prompt tests shares across its prompts.
     *
     * @param runner the isolated runner of the project's prompt tests
     * @param models the optimizer (when asked for) and the critic
     * @param settings the tuner's settings
     * @param config the layered configuration
     */
    record Session(IsolatedCandidateRunner runner, TuneModels models, TuneSettings settings, RptConfig config) {}

    /**
     * Runs the prompt tests once as they are, then {@code work} for each prompt to work on ({@code rpt.tune.prompt}
     * or every prompt the run names), and warns when the target is the simulator.
     */
    final void forEachPrompt(boolean withOptimizer, PromptWork work)
            throws MojoExecutionException, MojoFailureException {
        ConfigSource source = configurationSource();
        RptConfig config = RptConfig.of(source);
        TuneSettings settings = TuneSettings.from(config);
        try (IsolatedCandidateRunner runner = candidateRunner(source);
                TuneModels models = models(config, withOptimizer)) {
            warnSimulated(models);
            RunReport first = firstRun(runner, config);
            Session session = new Session(runner, models, settings, config);
            for (String prompt : prompts(config, first)) {
                work.run(prompt, first, session);
            }
            if (first.model().simulated()) {
                warnSimulated("the target model", first.model().label());
            }
        }
    }

    /** The goal's name as users type it, e.g. {@code rpt:tune}. */
    protected abstract String goalName();

    /** Where runs write their reports: {@code rpt.report.dir}, relative to the project, or {@code target/rpt}. */
    final Path reportDirectory(dev.rpt.core.config.RptConfig config) {
        return project.getBasedir()
                .toPath()
                .resolve(config.string(dev.rpt.core.config.RptConstants.REPORT_DIR)
                        .orElse(Path.of(project.getBuild().getDirectory(), "rpt")
                                .toString()));
    }

    /** The test phase's run report, or one clear error saying how to get one. */
    final RunReport lastRun(Path reportDirectory) throws MojoFailureException {
        Path file = reportDirectory.resolve(dev.rpt.core.report.RunReportWriter.LAST_RUN);
        if (!Files.isRegularFile(file)) {
            throw new MojoFailureException("No run report at " + file + ". " + goalName()
                    + " reads the report of the test phase: run mvn verify (or mvn test " + goalName() + ").");
        }
        try {
            return RunReport.read(file);
        } catch (IOException e) {
            throw new MojoFailureException("Cannot read the run report " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where the goals keep their records: {@code target/rpt/tune}. */
    final Path tuneDirectory() {
        return Path.of(project.getBuild().getDirectory(), "rpt", "tune");
    }

    /** A fresh id for a record directory: a UTC timestamp and the prompt's file name. */
    static String recordId(String promptResource) {
        return STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + recordSuffix(promptResource);
    }

    /** The part of a record id that names the prompt, e.g. {@code math-solver}. */
    static String recordSuffix(String promptResource) {
        String name = Path.of(promptResource).getFileName().toString().replaceFirst("\\.prompt$", "");
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * Runs the project's prompt tests as they are, once, for the prompts and their thresholds: only {@code
     * rpt.tune.prompt}'s classes when it is set.
     */
    final RunReport firstRun(IsolatedCandidateRunner runner, RptConfig config) throws MojoExecutionException {
        Optional<String> only = config.string(RptConstants.TUNE_PROMPT);
        Path directory = tuneDirectory().resolve(recordId(only.orElse("all")) + "-first-run");
        getLog().info("Running the prompt tests" + only.map(p -> " of " + p).orElse("") + " as they are ...");
        try {
            RunReport report = runner.runAsIs(only.orElse(null), directory);
            if (report.model().simulated()) {
                warnSimulated("the target model", report.model().label());
            }
            return report;
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The prompts to work on: {@code rpt.tune.prompt}, or every prompt the first run's classes name. */
    static List<String> prompts(RptConfig config, RunReport firstRun) throws MojoFailureException {
        Optional<String> only = config.string(RptConstants.TUNE_PROMPT);
        List<String> named = new ArrayList<>(firstRun.classes().stream()
                .map(ClassInfo::promptPath)
                .distinct()
                .toList());
        if (only.isPresent()) {
            if (!named.contains(only.get())) {
                throw new MojoFailureException(RptConstants.TUNE_PROMPT + "=" + only.get()
                        + " names a prompt no prompt test class uses. Prompts with tests: " + named + ".");
            }
            return List.of(only.get());
        }
        if (named.isEmpty()) {
            throw new MojoFailureException("No prompt test class ran, so there is no prompt to work on.");
        }
        return named;
    }

    /** The source file of a prompt resource among the project's main and test resource directories. */
    final Path promptSource(String promptResource) throws MojoFailureException {
        List<Path> directories = new ArrayList<>();
        for (Resource resource : project.getResources()) {
            directories.add(Path.of(resource.getDirectory()));
        }
        for (Resource resource : project.getTestResources()) {
            directories.add(Path.of(resource.getDirectory()));
        }
        return PromptSources.locate(
                promptResource, directories, project.getBasedir().toPath());
    }

    /** Loud, because numbers from the simulator say nothing about a real model. */
    final void warnSimulated(String role, String label) {
        getLog().warn("************************************************************************");
        getLog().warn("SIMULATOR: " + role + " is the offline simulator (" + label + "), not a real model.");
        getLog().warn("Its numbers and its prompt edits say nothing about any real model.");
        getLog().warn("************************************************************************");
    }

    /** Warns about every simulated model among the mojo's own. */
    final void warnSimulated(TuneModels models) {
        models.optimizer()
                .map(ChatModel::info)
                .filter(info -> info.simulated())
                .ifPresent(info -> warnSimulated("the optimizer", info.label()));
        models.critic()
                .map(ChatModel::info)
                .filter(info -> info.simulated())
                .ifPresent(info -> warnSimulated("the critic", info.label()));
    }
}
