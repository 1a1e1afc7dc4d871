package dev.rpt.tools.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ModelSettings;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.sim.SimProvider;
import dev.rpt.tools.gate.Baseline;
import dev.rpt.tools.gate.Gate;
import dev.rpt.tools.gate.GateResult;
import dev.rpt.tools.gate.GateSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tune, baseline and check driven as a Gradle task or a CLI would drive them, through the same library calls as
 * {@code rpt:tune}, {@code rpt:baseline} and {@code rpt:check}, with no Maven class on the classpath. Only the runner
 * of the project's tests differs, as it would in any build tool.
 */
class BuildFacadeTests {

    private static final String PROMPT = "prompts/math.prompt";

    @TempDir
    Path project;

    @Test
    void tuneBaselineAndCheckRunThroughTheLibraryAlone() throws IOException {
        assertThatThrownBy(() -> Class.forName("org.apache.maven.plugin.Mojo"))
                .isInstanceOf(ClassNotFoundException.class);
        RptConfig config = RptConfig.of(Map.of(
                "rpt.provider", "sim",
                "rpt.sim.answers", "sim/gsm8k-sample.jsonl",
                "rpt.tune.max-iterations", "4"));
        ChatModel target = new SimProvider().create(ModelSettings.from(config), config, name -> null);
        InProcessRunner runner = new InProcessRunner(
                target, InProcessRunner.rows(), MetricBounds.of(0.80, 0.15, Double.NaN, Double.NaN));
        Path source = project.resolve("src/main/resources").resolve(PROMPT);
        Files.createDirectories(source.getParent());
        Files.writeString(source, InProcessRunner.WEAK_SEED);
        ProjectTuning.Project layout = new ProjectTuning.Project(
                project, project.resolve("build"), List.of(project.resolve("src/main/resources")));
        List<String> info = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        // rpt:tune
        TuneResult result;
        try (TuneModels models = TuneModels.create(config, true)) {
            ProjectTuning tuning = ProjectTuning.open(
                    config,
                    runner,
                    (only, directory) -> runner.run(only.orElse(PROMPT), source, directory),
                    models,
                    layout,
                    new ProjectTuning.Log() {
                        @Override
                        public void info(String line) {
                            info.add(line);
                        }

                        @Override
                        public void warn(String line) {
                            warnings.add(line);
                        }
                    });
            assertThat(tuning.prompts()).containsExactly(PROMPT);
            result = tuning.tune(PROMPT);
        }

        assertThat(result.best().holdout().accuracy().orElseThrow())
                .isGreaterThan(result.seed().holdout().accuracy().orElseThrow());
        assertThat(result.written()).isTrue();
        assertThat(source).content().isNotEqualTo(InProcessRunner.WEAK_SEED);
        assertThat(result.record()).startsWith(layout.tuneDirectory());
        assertThat(project.resolve("build/rpt/report.html")).isNotEmptyFile();
        assertThat(info).contains("Wrote the best candidate to " + source.toRealPath() + ".");
        assertThat(warnings).anyMatch(line -> line.startsWith("SIMULATOR: the optimizer is the offline simulator"));

        // rpt:baseline of the seed, then rpt:check of the tuned prompt against it, and the other way round; the class
        // declares a bar every run clears, so only the comparison with the baseline can fail the check.
        InProcessRunner loose = new InProcessRunner(
                target, InProcessRunner.rows(), MetricBounds.of(0.0, Double.NaN, Double.NaN, Double.NaN));
        Files.writeString(project.resolve("seed.prompt"), InProcessRunner.WEAK_SEED);
        RunReport seedRun = loose.run(PROMPT, project.resolve("seed.prompt"), project.resolve("runs/seed"));
        RunReport tunedRun = loose.run(PROMPT, source, project.resolve("runs/tuned"));
        Path baselineFile = project.resolve(Baseline.DEFAULT_PATH);
        Baseline.from(seedRun, false, GateSettings.from(config).metrics()).write(baselineFile);
        Gate gate = new Gate(GateSettings.from(config));

        GateResult tunedAgainstSeed = gate.check(tunedRun, Optional.of(Baseline.read(baselineFile)), List.of());
        Baseline.from(tunedRun, false, GateSettings.from(config).metrics()).write(baselineFile);
        GateResult seedAgainstTuned = gate.check(seedRun, Optional.of(Baseline.read(baselineFile)), List.of());

        assertThat(tunedAgainstSeed.violations()).isEmpty();
        assertThat(tunedAgainstSeed.passed()).isTrue();
        assertThat(seedAgainstTuned.passed()).isFalse();
        assertThat(seedAgainstTuned.violations()).anyMatch(v -> v.startsWith("MathTests: accuracy REGRESSED"));
    }
}
