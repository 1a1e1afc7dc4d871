package dev.rpt.core.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ModelSettings;
import dev.rpt.core.model.sim.SimProvider;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.thresholds.Thresholds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tune driven as a Gradle task or a CLI would drive it, through the same calls as {@code rpt:tune}: the models from
 * configuration, the goals from the classes' thresholds, the diagnostic function, the tuner; with no Maven class on
 * the classpath. Only the candidate runner differs, as it would in any build tool.
 */
class TuneFacadeTests {

    @TempDir
    Path dir;

    @Test
    void aTuneRunsThroughTheLibraryAloneAndWritesTheBetterPrompt() throws IOException {
        assertThatThrownBy(() -> Class.forName("org.apache.maven.plugin.Mojo"))
                .isInstanceOf(ClassNotFoundException.class);
        RptConfig config = RptConfig.of(Map.of(
                "rpt.provider", "sim",
                "rpt.sim.answers", "sim/gsm8k-sample.jsonl",
                "rpt.tune.max-iterations", "4"));
        ChatModel target = new SimProvider().create(ModelSettings.from(config), config, name -> null);
        Path promptFile = dir.resolve("math.prompt");
        Files.writeString(promptFile, InProcessRunner.WEAK_SEED);
        Thresholds goals = Goals.strictest(
                List.of(new ClassInfo(
                        "com.example.MathTests",
                        "prompts/math.prompt",
                        "a".repeat(64),
                        Thresholds.of(0.80, 0.15, Double.NaN, Double.NaN))),
                "prompts/math.prompt");
        TuneSettings settings = TuneSettings.from(config);
        List<String> progress = new ArrayList<>();

        TuneResult result;
        try (TuneModels models = TuneModels.create(config, true)) {
            DiagnosticFunction diagnostic = DiagnosticFunctions.create(
                    new InProcessRunner(target, InProcessRunner.rows()),
                    "prompts/math.prompt",
                    goals,
                    models.critic(),
                    models.embeddings(),
                    models.critiques(),
                    settings,
                    config);
            result = new Tuner(settings, models.optimizer().orElseThrow(), diagnostic, models.ledger(), progress::add)
                    .tune(promptFile, goals, dir.resolve("record"));
        }

        assertThat(result.best().holdout().accuracy().orElseThrow())
                .isGreaterThan(result.seed().holdout().accuracy().orElseThrow());
        assertThat(result.written()).isTrue();
        assertThat(promptFile).content().isNotEqualTo(InProcessRunner.WEAK_SEED);
        assertThat(progress).hasSize(result.iterations().size());
        assertThat(TuneOutput.summaryTable(result.seed(), result.best())).hasSize(3);
    }
}
