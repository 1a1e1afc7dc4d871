package dev.rpt.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the real {@code rpt} engine once, through the JUnit Platform launcher, over N generated cases against the fake
 * server. It keeps no per-case events, so a 10,000-case run measures the engine's memory, not the harness's.
 */
final class EngineRun {

    private final LatencyServer server;
    private final Path workDirectory;
    private int runs;

    EngineRun(LatencyServer server, Path workDirectory) {
        this.server = server;
        this.workDirectory = workDirectory;
    }

    /**
     * Runs N cases at the given concurrency.
     *
     * @param cache the {@code rpt.cache} mode: {@code off} or {@code read-write}
     * @param cacheDirectory the {@code rpt.cache.dir}, used when the cache is on
     */
    RunResult run(int cases, int concurrency, String cache, Path cacheDirectory) {
        return run(cases, concurrency, cache, cacheDirectory, Map.of());
    }

    /** Runs N cases with extra configuration, e.g. a {@code rpt.prompt-override.*} candidate for the tuner. */
    RunResult run(int cases, int concurrency, String cache, Path cacheDirectory, Map<String, String> extra) {
        return run(cases, String.valueOf(concurrency), cache, cacheDirectory, extra);
    }

    /** Runs N cases at a concurrency setting as {@code rpt.concurrency} takes it: a number or {@code auto}. */
    RunResult run(int cases, String concurrency, String cache, Path cacheDirectory, Map<String, String> extra) {
        Path root = workDirectory.resolve("run-" + (++runs));
        Class<?> fixture = FixtureLoader.fixtureWith(cases, root.resolve("classes"));
        Path reportDirectory = root.resolve("report");
        Map<String, String> config = new HashMap<>(extra);
        config.put("rpt.provider", "openai");
        config.put("rpt.model", "gpt-4.1-mini");
        config.put("rpt.base-url", server.baseUrl());
        config.put("rpt.api-key-env", "none");
        config.put("rpt.concurrency", concurrency);
        config.put("rpt.cache", cache);
        config.put("rpt.cache.dir", cacheDirectory.toString());
        config.put("rpt.report.dir", reportDirectory.toString());
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(fixture))
                .filters(EngineFilter.includeEngines("rpt"))
                .configurationParameters(config)
                .build();
        Timing timing = new Timing();
        int before = server.requests();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        PrintStream console = System.out;
        thread.setContextClassLoader(fixture.getClassLoader());
        // The engine prints a summary per run; the benchmark tables are easier to read without a thousand of them.
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            LauncherFactory.create().execute(request, timing);
        } finally {
            System.setOut(console);
            thread.setContextClassLoader(previous);
        }
        if (timing.engineFailure != null) {
            throw new IllegalStateException("The rpt engine failed: " + timing.engineFailure, timing.engineFailure);
        }
        return new RunResult(
                cases,
                timing.started,
                timing.passed,
                timing.engineEnd - timing.engineStart,
                timing.lastCaseEnd - timing.firstCaseStart,
                server.requests() - before,
                reportDirectory);
    }

    /** Timestamps and counts from the launcher's events, which all arrive on the engine thread. */
    private static final class Timing implements TestExecutionListener {

        private long engineStart;
        private long engineEnd;
        private long firstCaseStart;
        private long lastCaseEnd;
        private long started;
        private long passed;
        private Throwable engineFailure;

        @Override
        public void executionStarted(TestIdentifier identifier) {
            long now = System.nanoTime();
            if (identifier.getParentIdObject().isEmpty()) {
                engineStart = now;
            } else if (identifier.isTest()) {
                if (started++ == 0) {
                    firstCaseStart = now;
                }
            }
        }

        @Override
        public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            long now = System.nanoTime();
            if (identifier.getParentIdObject().isEmpty()) {
                engineEnd = now;
                if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                    engineFailure = result.getThrowable().orElse(new IllegalStateException("no reason given"));
                }
            } else if (identifier.isTest()) {
                lastCaseEnd = now;
                if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                    passed++;
                }
            }
        }
    }
}
