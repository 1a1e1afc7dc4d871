package dev.rpt.junit.launch;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.api.PromptTest;
import dev.rpt.core.config.RptConstants;
import dev.rpt.junit.engine.HeldOutCases;
import dev.rpt.junit.engine.RptTestEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the prompt tests under some test-classes directories with the JUnit Platform launcher, only the {@code rpt}
 * engine, and returns the run report's JSON text. rpt-tools' {@code IsolatedPromptTests} calls it reflectively from an
 * isolated class loader, so its signatures use JDK types only.
 *
 * <p>Call it with the thread context class loader set to the loader that holds the test classes: the launcher
 * finds the engine, the classes, {@code junit-platform.properties} and the model providers through it.
 */
@API(status = INTERNAL, since = "0.1")
public final class PromptTestLauncher {

    private PromptTestLauncher() {}

    /**
     * Runs every prompt test class under the given roots (or those of {@code rpt.run.prompt}, when set) and returns
     * the run report's JSON text: the one contract across the isolated class loader. The engine also writes the report
     * under {@code rpt.report.dir}, streamed case by case so that a large run never holds every case in memory; the
     * finished text is what the caller gets.
     *
     * @param configuration configuration parameters for the run, e.g. {@code rpt.provider}, {@code rpt.report.dir}
     *     and {@code rpt.run.prompt}; they win over {@code junit-platform.properties}
     * @param testClassRoots test-classes directories (or jars) to scan
     * @param promptTexts prompt file texts to evaluate in place of the resources they are keyed by (a tune's
     *     candidate), e.g. {@code prompts/math.prompt}; empty runs the project's own files
     * @return the JSON text of the {@code last-run.json} this run wrote
     * @throws IllegalStateException when no prompt test ran, the engine failed before it wrote a report, or the report
     *     cannot be read; the message says why
     */
    public static String run(
            Map<String, String> configuration, List<String> testClassRoots, Map<String, String> promptTexts) {
        Set<Path> roots = roots(testClassRoots);
        ReportListener listener = new ReportListener();
        launcher(promptTexts).execute(request(configuration, roots), listener);
        Path report = listener.report().orElseThrow(() -> noReport(configuration, roots, listener));
        try {
            return Files.readString(report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("The run report " + report + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Discovers the prompt tests without running them and counts each prompt's cases, for an estimate before any
     * model call. Each case on each model counts once.
     *
     * @param configuration as for {@link #run}
     * @param testClassRoots as for {@link #run}
     * @return the number of cases per prompt resource, e.g. {@code prompts/math.prompt=120}, sorted by resource
     */
    public static Map<String, Integer> discover(Map<String, String> configuration, List<String> testClassRoots) {
        TestPlan plan = launcher(Map.of()).discover(request(configuration, roots(testClassRoots)));
        Map<String, Integer> cases = new TreeMap<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier test : plan.getDescendants(root)) {
                UniqueId id = test.getUniqueIdObject();
                // Case tests end in a "case" segment (CaseDescriptor); thresholds tests do not count.
                if (test.isTest() && id.getLastSegment().getType().equals("case")) {
                    promptOf(id).ifPresent(prompt -> cases.merge(prompt, 1, Integer::sum));
                }
            }
        }
        return cases;
    }

    /**
     * Discovers the prompt tests without running them and lists each prompt's held-out cases, for the tune's estimate
     * of the smallest gain they can confirm.
     *
     * @param configuration as for {@link #run}
     * @param testClassRoots as for {@link #run}
     * @return per prompt resource, its held-out cases as {@code class[model]#method#id}, sorted by resource
     */
    public static Map<String, List<String>> heldOut(Map<String, String> configuration, List<String> testClassRoots) {
        TestDescriptor root = new RptTestEngine()
                .discover(request(configuration, roots(testClassRoots)), UniqueId.forEngine(RptTestEngine.ENGINE_ID));
        return HeldOutCases.of(root);
    }

    /**
     * A launcher with only the rpt engine, given the texts it evaluates in place of prompt resources: an engine the
     * platform found by itself could not be handed them.
     */
    private static Launcher launcher(Map<String, String> promptTexts) {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .addTestEngines(new RptTestEngine(promptTexts))
                .build());
    }

    /** The rpt engine's tests under the roots, with the run's configuration. */
    private static LauncherDiscoveryRequest request(Map<String, String> configuration, Set<Path> roots) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClasspathRoots(roots))
                .filters(EngineFilter.includeEngines(RptTestEngine.ENGINE_ID))
                .configurationParameters(configuration)
                .build();
    }

    private static Set<Path> roots(List<String> testClassRoots) {
        Set<Path> roots = new LinkedHashSet<>();
        testClassRoots.forEach(root -> roots.add(Path.of(root)));
        return roots;
    }

    private static Optional<String> promptOf(UniqueId caseId) {
        return caseId.getSegments().stream()
                .filter(segment -> segment.getType().equals("class"))
                .findFirst()
                .flatMap(segment ->
                        ReflectionSupport.tryToLoadClass(segment.getValue()).toOptional())
                .map(type -> type.getAnnotation(PromptTest.class))
                .map(PromptTest::prompt);
    }

    private static IllegalStateException noReport(
            Map<String, String> configuration, Set<Path> roots, ReportListener listener) {
        String only = Optional.ofNullable(configuration.get(RptConstants.RUN_PROMPT))
                .map(prompt -> " with @PromptTest(prompt = \"" + prompt + "\")")
                .orElse(" with @PromptTest");
        if (!listener.engineFailures.isEmpty()) {
            return new IllegalStateException("The rpt engine failed before it wrote a run report: "
                    + String.join("; ", listener.engineFailures));
        }
        return new IllegalStateException("No prompt test ran: found no class" + only + " under " + roots
                + ". Compile the tests first (mvn test-compile), or fix " + RptConstants.RUN_PROMPT + ".");
    }

    /** Catches the report the engine publishes and why the engine failed, if it did. */
    private static final class ReportListener implements TestExecutionListener {

        private final AtomicReference<Path> report = new AtomicReference<>();
        private final List<String> engineFailures = new ArrayList<>();

        @Override
        public void fileEntryPublished(TestIdentifier identifier, FileEntry file) {
            // The engine publishes last-run.json on its root once the report is complete.
            if (identifier.getParentIdObject().isEmpty()) {
                report.set(file.getPath().toAbsolutePath());
            }
        }

        @Override
        public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            if (identifier.getParentIdObject().isEmpty() && result.getStatus() == TestExecutionResult.Status.FAILED) {
                engineFailures.add(result.getThrowable()
                        .map(error -> error.getClass().getSimpleName() + ": " + error.getMessage())
                        .orElse("no reason given"));
            }
        }

        Optional<Path> report() {
            return Optional.ofNullable(report.get());
        }
    }
}
