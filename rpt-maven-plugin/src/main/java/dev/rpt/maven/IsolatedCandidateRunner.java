package dev.rpt.maven;

import dev.rpt.core.config.RptConstants;
import dev.rpt.core.report.RunReport;
import dev.rpt.tools.tune.CandidateRunner;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Runs the project's prompt tests in an isolated class loader: its parent is the platform class loader, so neither
 * Maven's nor the plugin's classes (this plugin's own rpt-core included) can clash with the project's. Only JDK types
 * cross the boundary: a configuration map and a list of directories go in, the report's path comes out.
 *
 * <p>One loader serves every run of a goal. That is safe because nothing a run depends on is kept in the loaded
 * classes: the engine reads the prompt afresh on every discovery (from {@code rpt.prompt-override.<resource>}),
 * creates the target model and its ledger per run, and takes every setting from the run's configuration
 * parameters. Reusing it spares loading the project's classes and providers once per candidate.
 */
final class IsolatedCandidateRunner implements CandidateRunner, AutoCloseable {

    static final String LAUNCHER = "dev.rpt.junit.launch.PromptTestLauncher";

    private final URLClassLoader loader;
    private final Method run;
    private final Method discover;
    private final Method heldOut;
    private final Map<String, String> configuration;
    private final List<String> testClassRoots;

    private IsolatedCandidateRunner(
            URLClassLoader loader,
            Method run,
            Method discover,
            Method heldOut,
            Map<String, String> configuration,
            List<String> testClassRoots) {
        this.loader = loader;
        this.run = run;
        this.discover = discover;
        this.heldOut = heldOut;
        this.configuration = Map.copyOf(configuration);
        this.testClassRoots = List.copyOf(testClassRoots);
    }

    /**
     * @param urls the isolated class path, see {@link IsolatedClassPath}
     * @param configuration the resolved {@code rpt.*} keys every run gets
     * @param testClassRoots the directories to scan for prompt test classes
     */
    static IsolatedCandidateRunner create(
            List<URL> urls, Map<String, String> configuration, List<String> testClassRoots)
            throws MojoExecutionException {
        URLClassLoader loader = new URLClassLoader(
                "rpt-isolated-tests", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        try {
            Class<?> launcher = Class.forName(LAUNCHER, true, loader);
            Method run = launcher.getMethod("run", Map.class, List.class);
            Method discover = launcher.getMethod("discover", Map.class, List.class);
            Method heldOut = launcher.getMethod("heldOut", Map.class, List.class);
            return new IsolatedCandidateRunner(loader, run, discover, heldOut, configuration, testClassRoots);
        } catch (ReflectiveOperationException | LinkageError e) {
            close(loader);
            throw new MojoExecutionException(
                    "Cannot load " + LAUNCHER + " from the project's test classpath (" + e
                            + "). Use dev.rpt:rpt-junit-engine of the same version as the plugin as a test"
                            + " dependency.",
                    e);
        }
    }

    @Override
    public RunReport run(String promptResource, Path candidate, Path reportDirectory) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(
                RptConstants.PROMPT_OVERRIDE_PREFIX + promptResource,
                candidate.toAbsolutePath().toString());
        return launch(promptResource, parameters, reportDirectory);
    }

    /**
     * Runs the project's own prompt files, unchanged.
     *
     * @param onlyPrompt the only prompt to run; empty runs every prompt test class
     */
    RunReport runAsIs(Optional<String> onlyPrompt, Path reportDirectory) throws IOException {
        return launch(onlyPrompt.orElse(null), new LinkedHashMap<>(), reportDirectory);
    }

    /**
     * Discovers the project's prompt tests without calling any model, for the estimate before a tune.
     *
     * @param onlyPrompt the only prompt to count; empty counts every prompt test class
     * @return the number of cases per prompt resource
     */
    Map<String, Integer> discover(Optional<String> onlyPrompt) throws IOException {
        return call(discover, onlyPrompt);
    }

    /**
     * Discovers the prompt tests in the isolated loader and lists each prompt's held-out cases ({@code
     * PromptTestLauncher.heldOut}), without running any.
     */
    Map<String, List<String>> heldOut(Optional<String> onlyPrompt) throws IOException {
        return call(heldOut, onlyPrompt);
    }

    @SuppressWarnings("unchecked")
    private <T> T call(Method launcherMethod, Optional<String> onlyPrompt) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(configuration);
        onlyPrompt.ifPresent(prompt -> all.put(RptConstants.RUN_PROMPT, prompt));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return (T) launcherMethod.invoke(null, all, testClassRoots);
        } catch (InvocationTargetException e) {
            throw new IOException("The prompt tests could not be discovered: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IOException(
                    "Cannot call " + LAUNCHER + "." + launcherMethod.getName() + ": " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private RunReport launch(String promptResource, Map<String, String> parameters, Path reportDirectory)
            throws IOException {
        Map<String, String> all = new LinkedHashMap<>(configuration);
        all.putAll(parameters);
        if (promptResource != null) {
            all.put(RptConstants.RUN_PROMPT, promptResource);
        }
        all.put(RptConstants.REPORT_DIR, reportDirectory.toAbsolutePath().toString());
        // A tune evaluates many candidates and prints one line per iteration; a line per wrong case of every candidate
        // would bury it. The reports keep every case; a user who wants the lines sets the key.
        all.putIfAbsent(RptConstants.OUTPUT_MAX_CASE_LINES, "0");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            String lastRun = (String) run.invoke(null, all, testClassRoots);
            return RunReport.read(Path.of(lastRun));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IOException(
                    "The prompt tests" + (promptResource == null ? "" : " of " + promptResource) + " did not run: "
                            + (cause instanceof IllegalStateException ? cause.getMessage() : String.valueOf(cause)),
                    cause);
        } catch (IllegalAccessException e) {
            throw new IOException("Cannot call " + LAUNCHER + ".run: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() {
        close(loader);
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // Nothing to do: the jars stay open until the JVM ends, which costs only file handles.
        }
    }
}
