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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tune for reliability end to end with the simulator (target, critic and optimizer; its numbers are the simulator's,
 * not a model's): every case sampled three times at temperature 0.7, the diagnosis naming the cases that pass only
 * sometimes, and the tune maximising pass^3 until fewer cases are unstable.
 */
class ReliabilityTuneTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A seed that already asks for the bare answer, so its remaining failures are wrong values, often sampled. */
    private static final String ANSWER_ONLY_SEED = """
            ---
            input:
              schema:
                question: string
            ---
            {{role "system"}}
            You answer math questions. Give only the final answer, nothing else.
            {{role "user"}}
            {{question}}
            """;

    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aPassKTuneReducesTheCasesThatPassOnlySometimes() throws IOException {
        RptConfig config = RptConfig.of(Map.of("rpt.provider", "sim", "rpt.sim.answers", "sim/gsm8k-sample.jsonl"));
        ChatModel sim = new SimProvider().create(ModelSettings.from(config), config, name -> null);
        Path promptFile = dir.resolve("math.prompt");
        Files.writeString(promptFile, ANSWER_ONLY_SEED);
        MetricBounds goals = MetricBounds.of(0.95, Double.NaN, Double.NaN, Double.NaN);
        TuneSettings passK = TuneSettings.builder()
                .maxIterations(4)
                .objective(TuneObjective.PASS_K, 3)
                .build();
        DiagnosticFunction diagnostic = new ReflectiveDiagnosticFunction(
                new InProcessRunner(sim, InProcessRunner.rows(), 3, 0.7),
                "prompts/math.prompt",
                new CriticAnalyzer(sim, Optional.empty(), executor, 40),
                goals,
                MetricsOptions.DEFAULTS);
        List<String> progress = new ArrayList<>();

        TuneResult result = new Tuner(
                        passK, AdoptionPolicy.DEFAULTS, sim, diagnostic, UsageLedger.from(config), progress::add)
                .tune(promptFile, goals, dir.resolve("record"));

        Evaluation seed = result.seed();
        Evaluation best = result.best();
        // The seed's diagnosis names the unstable cases as a mode of their own, counted once per case.
        JsonNode seedModes = JSON.readTree(seed.report()).get("failureModes");
        JsonNode unstable = null;
        for (JsonNode mode : seedModes) {
            if (mode.get("label").asText().equals(ReflectiveDiagnosticFunction.UNSTABLE)) {
                unstable = mode;
            }
        }
        assertThat(unstable).as("the seed's failure modes %s", seedModes).isNotNull();
        assertThat(unstable.get("count").asInt())
                .isEqualTo(seed.tuneReliability().unstable())
                .isGreaterThan(10);
        // Three samples per case, each its own record.
        assertThat(seed.tune().n() + seed.tune().errored()).isEqualTo(300);

        assertThat(best).isNotSameAs(seed);
        assertThat(best.selectionReliability().unstable())
                .as(
                        "unstable selection cases, seed %d",
                        seed.selectionReliability().unstable())
                .isLessThan(seed.selectionReliability().unstable());
        assertThat(best.tuneReliability().unstable())
                .isLessThan(seed.tuneReliability().unstable());
        assertThat(best.selectionReliability().passAll().getAsDouble())
                .isGreaterThan(seed.selectionReliability().passAll().getAsDouble());
        assertThat(progress.get(0)).contains("pass^3").contains("unstable");

        // The optimizer patched the unstable mode itself (the simulator's remedy for it is to work step by step).
        List<String> targeted = new ArrayList<>();
        for (int i = 1; i < result.iterations().size(); i++) {
            Path decision = dir.resolve(String.format("record/iteration-%02d/decision.json", i));
            JSON.readTree(decision.toFile()).get("targets").forEach(target -> targeted.add(target.asText()));
        }
        assertThat(targeted).contains(ReflectiveDiagnosticFunction.UNSTABLE);

        JsonNode summary = JSON.readTree(dir.resolve("record/summary.json").toFile());
        assertThat(summary.get("objective").asText()).isEqualTo("pass^3");
        assertThat(summary.at("/iterations/0/reliability/holdout/unstable").asInt())
                .isEqualTo(seed.selectionReliability().unstable());
        assertThat(summary.at("/iterations/0/holdoutScore").asDouble())
                .isEqualTo(seed.holdoutScore(TuneObjective.PASS_K, 0.05));
    }
}
