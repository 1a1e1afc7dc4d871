package dev.rpt.tools.tune;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ModelSettings;
import dev.rpt.core.model.runtime.UsageLedger;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.sim.SimProvider;
import dev.rpt.tools.diagnose.CriticAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole reflective loop offline: the simulator is target, critic and optimizer; the optimizer's calls cross the
 * tool-call path; candidates are run through a runner that writes and reads real run reports. The tune must raise
 * held-out accuracy and lower ECE, and every patch must target a mode the previous report named.
 */
class ReflectiveTuneTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED = InProcessRunner.WEAK_SEED;

    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void simulatorTuneImprovesHeldOutAccuracyAndCalibration() throws IOException {
        RptConfig config = RptConfig.of(Map.of("rpt.provider", "sim", "rpt.sim.answers", "sim/gsm8k-sample.jsonl"));
        ChatModel sim = new SimProvider().create(ModelSettings.from(config), config, name -> null);
        Path promptFile = dir.resolve("math.prompt");
        Files.writeString(promptFile, SEED);
        MetricBounds goals = MetricBounds.of(0.80, 0.15, Double.NaN, Double.NaN);
        UsageLedger ledger = UsageLedger.from(config);
        List<String> progress = new ArrayList<>();
        DiagnosticFunction diagnostic = new ReflectiveDiagnosticFunction(
                new InProcessRunner(sim, InProcessRunner.rows()),
                "prompts/math.prompt",
                new CriticAnalyzer(sim, Optional.empty(), executor, 40),
                goals,
                MetricsOptions.DEFAULTS);

        TuneResult result = new Tuner(TuneSettings.DEFAULTS, sim, diagnostic, ledger, progress::add)
                .tune(promptFile, goals, dir.resolve("record"));

        double seedAccuracy = result.seed().holdout().accuracy().orElseThrow();
        double bestAccuracy = result.best().holdout().accuracy().orElseThrow();
        assertThat(bestAccuracy).isGreaterThan(seedAccuracy + 0.3);
        assertThat(result.best().holdout().ece().orElseThrow())
                .isLessThan(result.seed().holdout().ece().orElseThrow());
        assertThat(result.written()).isTrue();
        assertThat(progress).hasSize(result.iterations().size());
        for (int i = 1; i < result.iterations().size(); i++) {
            Path decision = dir.resolve(String.format("record/iteration-%02d/decision.json", i));
            JsonNode targets = JSON.readTree(decision.toFile()).get("targets");
            JsonNode report = JSON.readTree(result.iterations().get(i - 1).report());
            List<String> named = new ArrayList<>();
            report.get("failureModes")
                    .forEach(mode -> named.add(mode.get("label").asText()));
            if (report.at("/calibration/overconfidentWrong").asInt() > 0) {
                named.add("overconfident wrong answer");
            }
            assertThat(targets)
                    .as("patch %d targets a mode the report named", i)
                    .isNotEmpty();
            targets.forEach(target -> assertThat(named).contains(target.asText()));
        }
        assertThat(Files.readString(promptFile))
                .isEqualTo(result.best().candidate().text());
        assertThat(dir.resolve("record/transcript.jsonl"))
                .content()
                .contains("evaluate_prompt")
                .contains("decide");
    }

    @Test
    void targetCriticAndOptimizerAllCrossTheResponsesWire() throws IOException {
        // The sample project's math prompt, as the README's main job tunes it, tuned end to end through the
        // openai-responses provider against a loopback Responses server.
        SimOverOpenAiWire wire = tuneOverWire(
                "openai-responses",
                Files.readString(Path.of("../sample-project/src/main/resources/prompts/math-solver.prompt")));

        assertThat(wire.responsesBodies.get()).as("requests on /v1/responses").isEqualTo(wire.requests.get());
    }

    @Test
    void targetCriticAndOptimizerAllCrossTheOpenAiWire() throws IOException {
        SimOverOpenAiWire wire = tuneOverWire("openai", SEED);

        assertThat(wire.responsesBodies.get()).isZero();
    }

    /** Tunes the math prompt with target, critic and optimizer reached through the provider over a loopback server. */
    private SimOverOpenAiWire tuneOverWire(String provider, String seed) throws IOException {
        RptConfig simConfig = RptConfig.of(Map.of("rpt.provider", "sim", "rpt.sim.answers", "sim/gsm8k-sample.jsonl"));
        ChatModel sim = new SimProvider().create(ModelSettings.from(simConfig), simConfig, name -> null);
        SimOverOpenAiWire wire = new SimOverOpenAiWire(sim);
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(wire);
            server.start();
            RptConfig openai = RptConfig.of(Map.of(
                    "rpt.provider",
                    provider,
                    "rpt.model",
                    "gpt-sim",
                    "rpt.base-url",
                    server.url("/v1").toString(),
                    "rpt.api-key-env",
                    "none"));
            ChatModel viaWire = (provider.equals("openai")
                            ? new dev.rpt.core.model.openai.OpenAiProvider()
                            : new dev.rpt.core.model.openai.OpenAiResponsesProvider())
                    .create(ModelSettings.from(openai, List.of(provider)), openai, name -> null);
            Path promptFile = dir.resolve("math.prompt");
            Files.writeString(promptFile, seed);
            MetricBounds goals = MetricBounds.of(0.80, 0.15, Double.NaN, Double.NaN);
            DiagnosticFunction diagnostic = new ReflectiveDiagnosticFunction(
                    new InProcessRunner(viaWire, InProcessRunner.rows()),
                    "prompts/math.prompt",
                    new CriticAnalyzer(viaWire, Optional.empty(), executor, 40),
                    goals,
                    MetricsOptions.DEFAULTS);

            TuneResult result = new Tuner(
                            TuneSettings.DEFAULTS, viaWire, diagnostic, UsageLedger.from(openai), line -> {})
                    .tune(promptFile, goals, dir.resolve("record"));

            assertThat(result.best().holdout().accuracy().orElseThrow())
                    .isGreaterThan(result.seed().holdout().accuracy().orElseThrow() + 0.3);
            assertThat(result.written()).isTrue();
            assertThat(wire.toolCallReplies.get())
                    .as("optimizer tool calls sent over the wire")
                    .isGreaterThanOrEqualTo(4);
            assertThat(wire.toolResultsReceived.get())
                    .as("tool results sent back over the wire")
                    .isPositive();
            assertThat(wire.requests.get()).isGreaterThan(200);
            return wire;
        }
    }
}
