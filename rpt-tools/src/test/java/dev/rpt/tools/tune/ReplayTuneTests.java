package dev.rpt.tools.tune;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.EmbeddingModel;
import dev.rpt.core.model.ModelSettings;
import dev.rpt.core.model.runtime.ChatModels;
import dev.rpt.core.model.runtime.ConcurrencyLimiter;
import dev.rpt.core.model.runtime.UsageLedger;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.sim.SimProvider;
import dev.rpt.tools.diagnose.CriticAnalyzer;
import dev.rpt.tools.record.RecordLayout;
import dev.rpt.tools.record.SummaryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finished tune re-runs offline from its recording ({@code rpt.cache=replay-only}) to the same decisions and the same
 * prompt file, byte for byte: the target, the critic, the critic's embeddings and the optimizer all speak the OpenAI
 * wire to a server that hosts the simulator, through the real response cache. The replay reaches no server at all.
 */
class ReplayTuneTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final MockWebServer server = new MockWebServer();
    private SimOverOpenAiWire wire;

    @BeforeEach
    void start() throws IOException {
        RptConfig simConfig = RptConfig.of(Map.of("rpt.provider", "sim", "rpt.sim.answers", "sim/gsm8k-sample.jsonl"));
        wire = new SimOverOpenAiWire(new SimProvider().create(ModelSettings.from(simConfig), simConfig, name -> null));
        server.setDispatcher(wire);
        server.start();
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        server.close();
    }

    @Test
    void aTuneThatStoppedOnItsBudgetReplaysToTheSameDecisionsAndPromptBytes() throws IOException {
        // A transient server error on one case of the seed's run: the case is errored, never scored, never cached.
        String question = InProcessRunner.rows().get(3).question();
        wire.failOnceOn(question.substring(0, 40));
        TuneSettings budgeted = settings(OptionalLong.of(450), OptionalLong.empty());

        Tune recorded = tune("read-write", budgeted, "recorded", true);
        int requestsWhileRecording = wire.requests.get();
        Tune replayed = tune("replay-only", budgeted, "replayed", true);

        assertThat(recorded.result().stopReason()).startsWith("reached the call budget rpt.tune.max-calls=450");
        assertThat(wire.requests.get()).as("requests during the replay").isEqualTo(requestsWhileRecording);
        assertThat(wire.embeddingRequests.get())
                .as("the diagnosis grouped labels by embeddings")
                .isPositive();
        assertSameTune(recorded, replayed);
        // The replay was all cached, and its budget still stopped it where the recording stopped.
        SummaryJson.UsageJson replayUsage = summary(replayed).usage();
        assertThat(replayUsage.cachedCalls()).isEqualTo(replayUsage.calls() - 1);
        assertThat(replayUsage.calls()).isEqualTo(summary(recorded).usage().calls());

        CaseRecord failed = seedRun(recorded).cases().stream()
                .filter(c -> c.id().equals("q3"))
                .findFirst()
                .orElseThrow();
        assertThat(failed.verdict()).isEqualTo(Verdict.ERRORED);
        assertThat(failed.error().orElseThrow().message()).contains("server had an error");
        // Not recorded as an answer, so the replay cannot find it either: errored again, never a stored score.
        CaseRecord replayedCase = seedRun(replayed).cases().stream()
                .filter(c -> c.id().equals("q3"))
                .findFirst()
                .orElseThrow();
        assertThat(replayedCase.verdict()).isEqualTo(Verdict.ERRORED);
        assertThat(replayedCase.error().orElseThrow().message()).contains("No cached response");
        assertThat(recorded.result().seed().tune().errored()).isEqualTo(1);
    }

    @Test
    void aTuneThatStoppedOnItsTokenBudgetReplaysToTheSameStop() throws IOException {
        TuneSettings budgeted = settings(OptionalLong.empty(), OptionalLong.of(120_000));

        Tune recorded = tune("read-write", budgeted, "recorded", false);
        Tune replayed = tune("replay-only", budgeted, "replayed", false);

        assertThat(recorded.result().stopReason()).startsWith("reached the token budget rpt.tune.max-tokens=120000");
        assertThat(recorded.result().iterations()).hasSizeLessThan(5);
        assertSameTune(recorded, replayed);
    }

    private void assertSameTune(Tune recorded, Tune replayed) throws IOException {
        TuneResult a = recorded.result();
        TuneResult b = replayed.result();
        assertThat(b.stopReason()).isEqualTo(a.stopReason());
        assertThat(b.iterations()).hasSameSizeAs(a.iterations());
        for (int i = 0; i < a.iterations().size(); i++) {
            assertThat(b.iterations().get(i).candidate().text())
                    .as("candidate of iteration %d", i + 1)
                    .isEqualTo(a.iterations().get(i).candidate().text());
            assertThat(b.iterations().get(i).report())
                    .as("diagnostic report of iteration %d", i + 1)
                    .isEqualTo(a.iterations().get(i).report());
        }
        assertThat(b.best().iteration()).isEqualTo(a.best().iteration());
        assertThat(b.adoption().adopted()).isEqualTo(a.adoption().adopted());
        assertThat(b.adoptionLines()).isEqualTo(a.adoptionLines());
        assertThat(b.written()).isEqualTo(a.written());
        assertThat(Files.readAllBytes(replayed.promptFile())).isEqualTo(Files.readAllBytes(recorded.promptFile()));
        assertThat(a.iterations()).hasSizeGreaterThan(1);
    }

    private record Tune(TuneResult result, Path promptFile) {}

    private Tune tune(String cacheMode, TuneSettings settings, String name, boolean embeddings) throws IOException {
        Map<String, String> keys = new HashMap<>(Map.of(
                "rpt.provider", "openai",
                "rpt.model", "gpt-sim",
                "rpt.base-url", server.url("/v1").toString(),
                "rpt.api-key-env", "none",
                "rpt.retry.max-attempts", "1",
                "rpt.cache", cacheMode,
                "rpt.cache.dir", dir.resolve("cache").toString()));
        if (embeddings) {
            keys.put("rpt.diagnose.embedding-model", "sim-embed");
        }
        RptConfig config = RptConfig.of(keys);
        ConcurrencyLimiter limiter = ConcurrencyLimiter.from(config);
        UsageLedger ledger = UsageLedger.from(config);
        ChatModel target = ChatModels.create(config, variable -> null, UsageLedger.from(config), limiter);
        ChatModel models = ChatModels.create(config, variable -> null, ledger, limiter);
        Optional<EmbeddingModel> embedder = ChatModels.embeddings(config, variable -> null, ledger);
        Path promptFile = Files.createDirectories(dir.resolve(name)).resolve("math.prompt");
        Files.writeString(promptFile, InProcessRunner.WEAK_SEED);
        MetricBounds goals = MetricBounds.of(0.80, 0.15, Double.NaN, Double.NaN);
        DiagnosticFunction diagnostic = new ReflectiveDiagnosticFunction(
                new InProcessRunner(target, InProcessRunner.rows()),
                "prompts/math.prompt",
                new CriticAnalyzer(models, embedder, executor, 40),
                goals,
                MetricsOptions.DEFAULTS);
        TuneResult result = new Tuner(settings, AdoptionPolicy.DEFAULTS, models, diagnostic, ledger, line -> {})
                .tune(promptFile, goals, dir.resolve(name).resolve("record"));
        return new Tune(result, promptFile);
    }

    private static TuneSettings settings(OptionalLong maxCalls, OptionalLong maxTokens) {
        return TuneSettings.builder().maxCalls(maxCalls).maxTokens(maxTokens).build();
    }

    private static SummaryJson summary(Tune tune) throws IOException {
        return SummaryJson.read(new RecordLayout(tune.result().record()).summary());
    }

    private static RunReport seedRun(Tune tune) throws IOException {
        return RunReport.read(new RecordLayout(tune.result().record())
                .iteration(1)
                .reportDirectory()
                .resolve("last-run.json"));
    }
}
