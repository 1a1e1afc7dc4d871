package dev.rpt.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.runtime.ConcurrencyLimiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * The benchmark command. Each argument names a scenario: {@code throughput}, {@code overhead}, {@code cache},
 * {@code scaling}, {@code memory}, {@code tuner}, {@code load}, {@code adaptive}, {@code cold}, {@code floor},
 * {@code large}, {@code serve}, or {@code all} for the first five; {@code --reps=N} sets the measured repetitions
 * (default 3). {@code cold} and {@code floor} take {@code --cases=1000,3000}, {@code --jvm=none,c1,...} (JVM option
 * sets) and {@code --runner=surefire,launcher} (the second runs the same tests without Surefire, to show its share);
 * {@code large} takes {@code --large-cases=N}. It prints Markdown tables of medians; docs/performance.md explains each
 * number.
 */
public final class Benchmarks {

    /** Warm-up runs of 1,000 cases before the overhead scenario measures. */
    static final int OVERHEAD_WARM_UP_RUNS = 15;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EngineRun engine;
    private final LatencyServer server;
    private final Path work;
    private final int reps;

    private Benchmarks(LatencyServer server, Path work, int reps) {
        this.server = server;
        this.work = work;
        this.reps = reps;
        this.engine = new EngineRun(server, work);
    }

    /**
     * Runs the named scenarios.
     *
     * @param args scenario names and options, see the class comment
     * @throws IOException when the work directory cannot be written
     */
    public static void main(String[] args) throws IOException {
        List<String> scenarios = new ArrayList<>();
        int reps = 3;
        List<Integer> coldCases = List.of(1_000, 3_000);
        List<String> jvmOptions = List.of("none", "c1", "serial", "c1+serial");
        int largeCases = 100_000;
        List<ColdMavenRuns.Runner> runners = List.of(ColdMavenRuns.Runner.SUREFIRE);
        for (String arg : args) {
            if (arg.startsWith("--reps=")) {
                reps = Integer.parseInt(arg.substring("--reps=".length()));
            } else if (arg.startsWith("--cases=")) {
                coldCases = java.util.Arrays.stream(
                                arg.substring("--cases=".length()).split(","))
                        .map(Integer::valueOf)
                        .toList();
            } else if (arg.startsWith("--large-cases=")) {
                largeCases = Integer.parseInt(arg.substring("--large-cases=".length()));
            } else if (arg.startsWith("--runner=")) {
                runners = java.util.Arrays.stream(
                                arg.substring("--runner=".length()).split(","))
                        .map(ColdMavenRuns.Runner::named)
                        .toList();
            } else if (arg.startsWith("--jvm=")) {
                jvmOptions = List.of(arg.substring("--jvm=".length()).split(","));
            } else {
                scenarios.addAll(
                        arg.equals("all")
                                ? List.of("throughput", "overhead", "cache", "scaling", "tuner")
                                : List.of(arg));
            }
        }
        if (scenarios.isEmpty()) {
            scenarios.addAll(List.of("throughput", "overhead", "cache", "scaling"));
        }
        Path work = Files.createTempDirectory("rpt-bench");
        try (LatencyServer server = LatencyServer.start()) {
            Benchmarks benchmarks = new Benchmarks(server, work, reps);
            System.out.printf(
                    Locale.ROOT,
                    "# rpt benchmarks: %d processors, max heap %d MiB, Java %s%n",
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20,
                    System.getProperty("java.version"));
            for (String scenario : scenarios) {
                // Other processes share this machine; the load average says how much they disturbed a scenario.
                System.out.printf(
                        Locale.ROOT,
                        "%n[load average before %s: %.2f]%n",
                        scenario,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                switch (scenario) {
                    case "throughput" -> benchmarks.throughput();
                    case "overhead" -> benchmarks.overhead();
                    case "cache" -> benchmarks.cache();
                    case "scaling" -> benchmarks.scaling();
                    case "memory" -> benchmarks.memory();
                    case "tuner" -> benchmarks.tuner();
                    case "load" -> benchmarks.load();
                    case "adaptive" -> benchmarks.adaptive();
                    case "cold" -> new ColdMavenRuns(server, work, reps).run(coldCases, jvmOptions, runners);
                    case "serve" -> serve(server);
                    case "floor" -> new ColdMavenRuns(server, work, reps).floor(coldCases, jvmOptions, runners);
                    case "large" -> new ColdMavenRuns(server, work, reps).large(largeCases);
                    default ->
                        throw new IllegalArgumentException(
                                "Unknown benchmark '" + scenario
                                        + "'. Use throughput, overhead, cache, scaling, memory, tuner, load, adaptive, cold, floor, large, serve or all.");
                }
            }
        } finally {
            delete(work);
        }
    }

    /**
     * Serves the loopback OpenAI-compatible server until the process is stopped, for profiling a run by hand (e.g. a
     * project's {@code mvn test} with JFR in Surefire's {@code argLine}).
     */
    private static void serve(LatencyServer server) {
        System.out.println("serving " + server.baseUrl() + " (answers at once); stop with Ctrl-C");
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A provider that allows {@value #CAPACITY} requests in flight and answers 429 beyond: a fixed limit below it, a
     * fixed limit far above it, and {@code rpt.concurrency=auto}, side by side. The adaptive limit is one per endpoint
     * in a JVM, so each repetition continues from where the previous one left it; the first shows it settling from 8.
     */
    private void adaptive() {
        warmUp();
        int cases = 2_000;
        server.latencyMs(50);
        server.capacity(CAPACITY);
        System.out.printf(
                Locale.ROOT,
                "%n## Adaptive concurrency: %d cases, 50 ms latency, the server allows %d in flight%n",
                cases,
                CAPACITY);
        System.out.println("| rpt.concurrency | rep | requests | 429s | 429 share | mean in flight at the server"
                + " | limit at the end | engine ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        try {
            for (String concurrency : List.of("8", "64", "auto")) {
                for (int rep = 1; rep <= reps; rep++) {
                    server.resetInFlight();
                    int limitedBefore = server.rateLimited();
                    int requestsBefore = server.requests();
                    RunResult run = engine.run(
                            cases,
                            concurrency,
                            "off",
                            work.resolve("cache"),
                            Map.of("rpt.concurrency.max", "64", "rpt.retry.max-attempts", "20"));
                    int requests = server.requests() - requestsBefore;
                    int limited = server.rateLimited() - limitedBefore;
                    String end = concurrency.equals("auto")
                            ? String.valueOf(ConcurrencyLimiter.from(RptConfig.of(Map.of(
                                            "rpt.provider", "openai",
                                            "rpt.base-url", server.baseUrl(),
                                            "rpt.concurrency", "auto",
                                            "rpt.concurrency.max", "64")))
                                    .currentLimit())
                            : concurrency;
                    System.out.printf(
                            Locale.ROOT,
                            "| %s | %d | %d | %d | %.1f%% | %.1f | %s | %.0f |%n",
                            concurrency,
                            rep,
                            requests,
                            limited,
                            100.0 * limited / requests,
                            server.meanInFlight(),
                            end,
                            run.engineMs());
                    if (run.started() != cases || run.passed() != cases) {
                        throw new IllegalStateException("lost cases: " + run);
                    }
                }
            }
        } finally {
            server.capacity(0);
        }
    }

    private static final int CAPACITY = 16;

    /** 10,000 cases at concurrency 64 with every 20th request rate-limited: every case must be accounted for. */
    private void load() {
        warmUp();
        int cases = 10_000;
        server.latencyMs(0);
        server.rateLimitEvery(20);
        int limitedBefore = server.rateLimited();
        try {
            RunResult run = engine.run(cases, 64, "off", work.resolve("cache"));
            System.out.printf(Locale.ROOT, "%n## Load: %d cases, concurrency 64, every 20th request a 429%n", cases);
            System.out.println("| cases | tests started | passed | requests | 429s | engine ms |");
            System.out.println("|---|---|---|---|---|---|");
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %d | %d | %d | %d | %.0f |%n",
                    cases,
                    run.started(),
                    run.passed(),
                    run.requests(),
                    server.rateLimited() - limitedBefore,
                    run.engineMs());
            if (run.started() != cases || run.passed() != cases) {
                throw new IllegalStateException("lost cases under load: " + run);
            }
        } finally {
            server.rateLimitEvery(0);
        }
    }

    /** The tuner's cost per iteration outside model time: 5 iterations of 100 cases at zero latency. */
    private void tuner() throws IOException {
        warmUp();
        server.latencyMs(0);
        int cases = 100;
        System.out.printf(Locale.ROOT, "%n## Tuner overhead: %d cases per iteration, 0 ms latency%n", cases);
        System.out.println("| tune | iteration ms (1..5) | median iteration ms |");
        System.out.println("|---|---|---|");
        List<Double> medians = new ArrayList<>();
        for (int rep = 1; rep <= reps; rep++) {
            Path dir = Files.createDirectories(work.resolve("tuner-" + rep));
            List<Double> iterations = TunerOverhead.measure(engine, dir, cases, 5);
            double median = iterations.stream().sorted().toList().get(iterations.size() / 2);
            medians.add(median);
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %s | %.0f |%n",
                    rep,
                    iterations.stream()
                            .map(ms -> String.format(Locale.ROOT, "%.0f", ms))
                            .toList(),
                    median);
        }
        System.out.printf(
                Locale.ROOT,
                "| median of medians | | %.0f |%n",
                medians.stream().sorted().toList().get(medians.size() / 2));
    }

    /** 1,000 cases at 100 ms and concurrency 16 against the physical limit ceil(N/c) x latency. */
    private void throughput() {
        warmUp();
        int cases = 1_000;
        int concurrency = 16;
        long latency = 100;
        List<RunResult> runs = measure(cases, concurrency, latency, "off");
        double limit = limitMs(cases, concurrency, latency);
        System.out.printf(
                Locale.ROOT, "%n## Throughput: %d cases, %d ms latency, concurrency %d%n", cases, latency, concurrency);
        System.out.println("| run | engine ms | first-to-last case ms | limit ms | engine / limit |");
        System.out.println("|---|---|---|---|---|");
        for (int i = 0; i < runs.size(); i++) {
            RunResult run = runs.get(i);
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %.0f | %.0f | %.0f | %.1f%% |%n",
                    i + 1,
                    run.engineMs(),
                    run.casesMs(),
                    limit,
                    100 * run.engineMs() / limit);
        }
        double median = median(runs, RunResult::engineMs);
        System.out.printf(
                Locale.ROOT,
                "| median | %.0f | %.0f | %.0f | %.1f%% |%n",
                median,
                median(runs, RunResult::casesMs),
                limit,
                100 * median / limit);
    }

    /**
     * Wall time per case at zero latency, after {@value #OVERHEAD_WARM_UP_RUNS} warm-up runs: with the 3 of the other
     * scenarios the JIT was still compiling, and the result depended on what had run before (docs/performance.md).
     */
    private void overhead() {
        warmUp(OVERHEAD_WARM_UP_RUNS);
        int cases = 1_000;
        System.out.printf(Locale.ROOT, "%n## Per-case overhead: %d cases, 0 ms latency%n", cases);
        System.out.println("| concurrency | runs | median engine ms | ms per case | min ms per case |");
        System.out.println("|---|---|---|---|---|");
        for (int concurrency : new int[] {1, 16}) {
            List<RunResult> runs = measure(cases, concurrency, 0, "off", Math.max(reps, 10));
            double median = median(runs, RunResult::engineMs);
            double min = runs.stream().mapToDouble(RunResult::engineMs).min().orElseThrow();
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %d | %.0f | %.3f | %.3f |%n",
                    concurrency,
                    runs.size(),
                    median,
                    median / cases,
                    min / cases);
        }
    }

    /** A cold run fills the cache; unchanged re-runs must make no request. */
    private void cache() {
        warmUp();
        int cases = 1_000;
        int concurrency = 16;
        long latency = 100;
        Path cacheDirectory = work.resolve("cache");
        server.latencyMs(latency);
        RunResult cold =
                engine.run(cases, concurrency, "read-write", cacheDirectory).requireAllPassed();
        System.out.printf(Locale.ROOT, "%n## Cache: %d cases, %d ms latency, rpt.cache=read-write%n", cases, latency);
        System.out.println("| run | requests at the server | engine ms |");
        System.out.println("|---|---|---|");
        System.out.printf(Locale.ROOT, "| cold (fills the cache) | %d | %.0f |%n", cold.requests(), cold.engineMs());
        List<RunResult> warm = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            RunResult run =
                    engine.run(cases, concurrency, "read-write", cacheDirectory).requireAllPassed();
            warm.add(run);
            System.out.printf(Locale.ROOT, "| re-run %d | %d | %.0f |%n", i + 1, run.requests(), run.engineMs());
        }
        System.out.printf(
                Locale.ROOT,
                "| re-run median | %d | %.0f |%n",
                warm.stream().mapToInt(RunResult::requests).max().orElseThrow(),
                median(warm, RunResult::engineMs));
    }

    /** Wall time against N and against concurrency, at 20 ms latency. */
    private void scaling() {
        warmUp();
        long latency = 20;
        System.out.printf(Locale.ROOT, "%n## Scaling: %d ms latency, median of %d runs%n", latency, reps);
        System.out.println("| cases | concurrency | limit ms | engine ms | engine / limit | ms per case |");
        System.out.println("|---|---|---|---|---|---|");
        int[][] points = {{100, 16}, {1_000, 16}, {10_000, 16}, {1_000, 1}, {1_000, 4}, {1_000, 64}};
        for (int[] point : points) {
            int cases = point[0];
            int concurrency = point[1];
            double median = median(measure(cases, concurrency, latency, "off"), RunResult::engineMs);
            double limit = limitMs(cases, concurrency, latency);
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %d | %.0f | %.0f | %.1f%% | %.3f |%n",
                    cases,
                    concurrency,
                    limit,
                    median,
                    100 * median / limit,
                    median / cases);
        }
    }

    /** 10,000 cases in whatever heap the JVM was given (run it with -Xmx256m); the report must be complete. */
    private void memory() throws IOException {
        int cases = 10_000;
        server.latencyMs(0);
        resetPeaks();
        RunResult run = engine.run(cases, 64, "off", work.resolve("cache")).requireAllPassed();
        long peak = peakHeapBytes();
        long reported = countCaseRecords(run.reportDirectory().resolve("last-run.json"));
        System.out.printf(Locale.ROOT, "%n## Memory: %d cases, 0 ms latency, concurrency 64%n", cases);
        System.out.println("| max heap MiB | peak heap used MiB | engine ms | cases in last-run.json |");
        System.out.println("|---|---|---|---|");
        System.out.printf(
                Locale.ROOT,
                "| %d | %d | %.0f | %d |%n",
                Runtime.getRuntime().maxMemory() >> 20,
                peak >> 20,
                run.engineMs(),
                reported);
        if (reported != cases) {
            throw new IllegalStateException("The report holds " + reported + " of " + cases + " cases");
        }
    }

    /** Runs enough cases for the JIT to compile the engine's hot paths before anything is measured. */
    private void warmUp() {
        warmUp(3);
    }

    private void warmUp(int runs) {
        server.latencyMs(0);
        for (int i = 0; i < runs; i++) {
            engine.run(1_000, 16, "off", work.resolve("cache")).requireAllPassed();
        }
    }

    private List<RunResult> measure(int cases, int concurrency, long latency, String cache) {
        return measure(cases, concurrency, latency, cache, reps);
    }

    private List<RunResult> measure(int cases, int concurrency, long latency, String cache, int times) {
        server.latencyMs(latency);
        List<RunResult> runs = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            RunResult run =
                    engine.run(cases, concurrency, cache, work.resolve("cache")).requireAllPassed();
            if (cache.equals("off") && run.requests() != cases) {
                throw new IllegalStateException("Expected " + cases + " requests, the server saw " + run.requests());
            }
            runs.add(run);
            delete(run.reportDirectory().getParent());
        }
        return runs;
    }

    static double limitMs(int cases, int concurrency, long latencyMs) {
        return Math.ceil((double) cases / concurrency) * latencyMs;
    }

    static double median(List<RunResult> runs, ToDoubleFunction<RunResult> value) {
        double[] values = runs.stream().mapToDouble(value).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    // Counts the case records by streaming, so the check itself needs no heap worth measuring.
    private static long countCaseRecords(Path lastRun) throws IOException {
        long count = 0;
        try (JsonParser parser = JSON.getFactory().createParser(lastRun.toFile())) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("cases")) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        parser.skipChildren();
                        count++;
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        return count;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    // The sum of each heap pool's peak over-states the true peak a little, which errs on the safe side.
    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
