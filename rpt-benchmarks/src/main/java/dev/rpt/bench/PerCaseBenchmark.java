package dev.rpt.bench;

import static dev.rpt.assertions.RptAssertions.assertThat;

import dev.rpt.api.Answer;
import dev.rpt.api.Split;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.eval.EvaluationSettings;
import dev.rpt.core.eval.PromptEvaluator;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.runtime.ChatModels;
import dev.rpt.core.model.runtime.ConcurrencyLimiter;
import dev.rpt.core.model.runtime.UsageLedger;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.RunHeader;
import dev.rpt.core.report.RunReportWriter;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.prompt.PromptFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-case path of a prompt test run, without the network and without the JUnit Platform: render the prompt
 * ({@code bench/bench.prompt}, the fixture the end-to-end harness runs), encode the OpenAI request, decode the reply
 * (the same bytes the harness's fake server sends), extract the answer and its confidence, assert it, and stream the
 * case into the run report; {@link #run1000Cases} adds the metrics and the finished report of a 1,000-case run.
 *
 * <p>Run it with its own command (docs/performance.md):
 *
 * <pre>
 * ./mvnw -B -q -pl rpt-benchmarks exec:exec -Dexec.executable=java \
 *   -Dexec.args="-cp %classpath org.openjdk.jmh.Main PerCaseBenchmark"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class PerCaseBenchmark {

    private static final int CASES = 1_000;
    private static final String CLASS = "dev.rpt.bench.fixture.BenchPromptTestCase";

    private PromptFile prompt;
    private PromptEvaluator evaluator;
    private List<Map<String, String>> variables;
    private String[] expected;
    private Path directory;
    private RunReportWriter writer;
    private int next;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        prompt = PromptFile.parse("bench/bench.prompt", resource("bench/bench.prompt"));
        evaluator = new PromptEvaluator(
                new WireCodecModel(
                        "gpt-4.1-mini", body -> LatencyServer.replyTo(new String(body, StandardCharsets.UTF_8))),
                EvaluationSettings.DEFAULTS);
        variables = new ArrayList<>();
        expected = new String[CASES];
        for (int i = 0; i < CASES; i++) {
            variables.add(Map.of("question", "What is " + i + " plus 1?"));
            expected[i] = String.valueOf(i + 1);
        }
        directory = Files.createTempDirectory("rpt-jmh");
    }

    @Setup(Level.Iteration)
    public void openReport() throws IOException {
        writer = start();
    }

    @TearDown(Level.Iteration)
    public void closeReport() throws IOException {
        // Closing without finishing discards the partial report, as an aborted run would.
        writer.close();
    }

    @TearDown(Level.Trial)
    public void deleteReports() throws IOException {
        try (var files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Render, encode the request, decode the reply, extract the answer. */
    @Benchmark
    public Answer evaluate() {
        int i = nextCase();
        return evaluator.evaluate(prompt, variables.get(i));
    }

    /** {@link #evaluate}, then the fixture's assertion and one record streamed into the run report. */
    @Benchmark
    public Answer evaluateAssertAndRecord() {
        int i = nextCase();
        return evaluateAssertAndRecord(i, writer);
    }

    /**
     * A whole run of 1,000 cases without the network and the JUnit Platform: every case evaluated, asserted and
     * recorded, then the metrics computed and the report finished. Reported per case.
     */
    @Benchmark
    @OperationsPerInvocation(CASES)
    public Path run1000Cases() throws IOException {
        try (RunReportWriter run = start()) {
            for (int i = 0; i < CASES; i++) {
                evaluateAssertAndRecord(i, run);
            }
            return run.finish(
                    List.of(new ClassInfo(CLASS, "bench/bench.prompt", "0".repeat(64), MetricBounds.NONE)),
                    UsageSnapshot.NONE);
        }
    }

    /**
     * {@link #evaluate} through the real provider stack (metering, concurrency limit, retries, OkHttp) against the
     * harness's in-process fake server at zero latency, over loopback: the HTTP part the other benchmarks leave out.
     * The server's own work runs on the same cores and is included.
     */
    @Benchmark
    public Answer evaluateOverLoopback(Loopback loopback) {
        int i = nextCase();
        return loopback.evaluator.evaluate(prompt, variables.get(i));
    }

    /** The fake server and a model that reaches it through the configured runtime stack. */
    @State(Scope.Benchmark)
    public static class Loopback {

        private LatencyServer server;
        private ChatModel model;
        private PromptEvaluator evaluator;

        @Setup(Level.Trial)
        public void start() throws IOException {
            server = LatencyServer.start();
            RptConfig config = RptConfig.of(Map.of(
                    "rpt.provider", "openai",
                    "rpt.model", "gpt-4.1-mini",
                    "rpt.base-url", server.baseUrl(),
                    "rpt.api-key-env", "none",
                    "rpt.cache", "off"));
            model = ChatModels.create(config, name -> null, UsageLedger.from(config), ConcurrencyLimiter.from(config));
            evaluator = new PromptEvaluator(model, EvaluationSettings.DEFAULTS);
        }

        @TearDown(Level.Trial)
        public void stop() {
            model.close();
            server.close();
        }
    }

    private Answer evaluateAssertAndRecord(int i, RunReportWriter report) {
        long started = System.nanoTime();
        Answer answer = evaluator.evaluate(prompt, variables.get(i));
        assertThat(answer).isNumericallyEqualTo(expected[i]);
        report.record(CaseRecord.builder(CLASS, "adds", "case-" + i)
                .split(Split.TUNE)
                .vars(variables.get(i))
                .verdict(Verdict.PASSED)
                .answer(answer.text())
                .confidence(answer.confidence())
                .formatError(answer.formatError())
                .usage(answer.usage())
                .cached(answer.cached())
                .latencyMs(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                .justification(answer.justification())
                .build());
        return answer;
    }

    private int nextCase() {
        int i = next;
        next = (next + 1) % CASES;
        return i;
    }

    private RunReportWriter start() throws IOException {
        RunHeader header =
                new RunHeader("jmh", Instant.EPOCH, new ModelInfo("openai", "gpt-4.1-mini", false), new TreeMap<>());
        return RunReportWriter.start(directory, header, MetricsOptions.DEFAULTS);
    }

    private static String resource(String name) {
        try (InputStream in = PerCaseBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
