package dev.rpt.tools.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.api.Split;
import dev.rpt.core.config.ConfigSource;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ModelSettings;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.prompt.PromptFile;
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
        Map<String, String> settings = Map.of(
                "rpt.provider", "sim",
                "rpt.sim.answers", "sim/gsm8k-sample.jsonl",
                "rpt.tune.max-iterations", "4");
        RptConfig config = RptConfig.of(settings);
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
        List<Map<String, String>> opened = new ArrayList<>();
        TuneFlow.Build build = new TuneFlow.Build(layout, List.of(), configuration -> {
            opened.add(configuration);
            return new InProcessTests(runner, source);
        });

        // rpt:tune, as the goal calls it
        List<TuneResult> results =
                TuneFlow.tune(build, ConfigSource.of(settings), ProjectTuning.Log.of(info::add, warnings::add));

        assertThat(opened)
                .as("the tests were opened once, with the resolved configuration")
                .containsExactly(settings);
        assertThat(results).hasSize(1);
        TuneResult result = results.get(0);
        assertThat(info)
                .as("the estimate came before any model call, from discovery")
                .anyMatch(line -> line.startsWith("Estimate for " + PROMPT));
        assertThat(info).anyMatch(line -> line.startsWith("Spent "));
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
        RunReport seedRun =
                loose.run(PROMPT, PromptFile.parse(project.resolve("seed.prompt")), project.resolve("runs/seed"));
        RunReport tunedRun = loose.run(PROMPT, PromptFile.parse(source), project.resolve("runs/tuned"));
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

    /** The project's tests as a build tool would give them, run in this JVM over the simulator's GSM8K rows. */
    private record InProcessTests(InProcessRunner runner, Path source) implements ProjectPromptTests {

        @Override
        public RunReport run(String promptResource, PromptFile candidate, Path reportDirectory) throws IOException {
            return runner.run(promptResource, candidate, reportDirectory);
        }

        @Override
        public RunReport runAsIs(Optional<String> onlyPrompt, Path reportDirectory) throws IOException {
            return runner.run(onlyPrompt.orElse(PROMPT), PromptFile.parse(source), reportDirectory);
        }

        @Override
        public Map<String, Integer> discover(Optional<String> onlyPrompt) throws IOException {
            return Map.of(PROMPT, InProcessRunner.rows().size());
        }

        @Override
        public Map<String, List<String>> heldOut(Optional<String> onlyPrompt) throws IOException {
            return Map.of(
                    PROMPT,
                    InProcessRunner.rows().stream()
                            .filter(row -> row.split() == Split.HOLDOUT)
                            .map(row -> "MathTests#solves#" + row.id())
                            .toList());
        }

        @Override
        public void close() {}
    }
}
