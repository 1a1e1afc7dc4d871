package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.RptConstants;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.report.RunReportWriter;
import dev.rpt.prompt.PromptFile;
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
import org.apiguardian.api.API;

/**
 * Runs a project's prompt tests in an isolated class loader: its parent is the platform class loader, so neither the
 * build tool's classes nor rpt's own (this rpt-core included) can clash with the project's. Only JDK types cross the
 * boundary: a configuration map, directories and candidate texts go in, the run report's JSON text comes out, as
 * docs/architecture.md requires.
 *
 * <p>One loader serves every run of a tune. That is safe because nothing a run depends on is kept in the loaded
 * classes: the engine reads the prompt afresh on every discovery (the candidate's text when one is given), creates
 * the target model and its ledger per run, and takes every setting from the run's configuration parameters. Reusing
 * it spares loading the project's classes and providers once per candidate.
 */
@API(status = INTERNAL, since = "0.1")
public final class IsolatedPromptTests implements ProjectPromptTests {

    /** The engine's entry point, loaded from the project's test class path. */
    public static final String LAUNCHER = "dev.rpt.junit.launch.PromptTestLauncher";

    private final URLClassLoader loader;
    private final Method run;
    private final Method discover;
    private final Method heldOut;
    private final Map<String, String> configuration;
    private final List<String> testClassRoots;

    private IsolatedPromptTests(
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
     * @param classPath the project's test class path, with rpt-junit-engine and the JUnit Platform launcher on it
     * @param configuration the resolved {@code rpt.*} keys every run gets
     * @param testClassRoots the directories to scan for prompt test classes
     * @throws IOException when the class path holds no rpt engine of this version; the message says what to add
     */
    public static IsolatedPromptTests open(
            List<URL> classPath, Map<String, String> configuration, List<Path> testClassRoots) throws IOException {
        URLClassLoader loader = new URLClassLoader(
                "rpt-isolated-tests", classPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        try {
            Class<?> launcher = Class.forName(LAUNCHER, true, loader);
            Method run = launcher.getMethod("run", Map.class, List.class, Map.class);
            Method discover = launcher.getMethod("discover", Map.class, List.class);
            Method heldOut = launcher.getMethod("heldOut", Map.class, List.class);
            return new IsolatedPromptTests(
                    loader,
                    run,
                    discover,
                    heldOut,
                    configuration,
                    testClassRoots.stream().map(Path::toString).toList());
        } catch (ReflectiveOperationException | LinkageError e) {
            close(loader);
            throw new IOException(
                    "Cannot load " + LAUNCHER + " from the project's test classpath (" + e
                            + "). Use dev.rpt:rpt-junit-engine of the same version as the rpt plugin as a test"
                            + " dependency.",
                    e);
        }
    }

    @Override
    public RunReport run(String promptResource, PromptFile candidate, Path reportDirectory) throws IOException {
        return launch(promptResource, Map.of(promptResource, candidate.text()), reportDirectory);
    }

    @Override
    public RunReport runAsIs(Optional<String> onlyPrompt, Path reportDirectory) throws IOException {
        return launch(onlyPrompt.orElse(null), Map.of(), reportDirectory);
    }

    @Override
    public Map<String, Integer> discover(Optional<String> onlyPrompt) throws IOException {
        return call(discover, onlyPrompt);
    }

    @Override
    public Map<String, List<String>> heldOut(Optional<String> onlyPrompt) throws IOException {
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

    private RunReport launch(String promptResource, Map<String, String> promptTexts, Path reportDirectory)
            throws IOException {
        Map<String, String> all = new LinkedHashMap<>(configuration);
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
        String json;
        try {
            json = (String) run.invoke(null, all, testClassRoots, promptTexts);
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
        return RunReport.parse(
                json, reportDirectory.resolve(RunReportWriter.LAST_RUN).toString());
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
