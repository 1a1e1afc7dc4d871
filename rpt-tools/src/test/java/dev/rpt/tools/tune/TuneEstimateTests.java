package dev.rpt.tools.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ModelSettings;
import dev.rpt.core.model.runtime.PriceTable;
import dev.rpt.core.model.runtime.UsageLedger;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.prompt.PromptFile;
import dev.rpt.sim.SimProvider;
import dev.rpt.tools.diagnose.CriticAnalyzer;
import dev.rpt.tools.record.RecordLayout;
import dev.rpt.tools.record.SummaryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cost estimate before a tune: its arithmetic, and against what a simulator tune really spent. */
class TuneEstimateTests {

    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void theBoundCountsEveryIterationEveryCritiqueAndTheOptimizersGrowingTurns() {
        TuneEstimate estimate = TuneEstimate.of(
                "prompts/math.prompt",
                100,
                2,
                TuneSettings.DEFAULTS,
                true,
                Optional.empty(),
                PriceTable.of(Map.of(
                        "gpt-4.1-mini", new PriceTable.Price(0.4, 1.6), "gpt-4.1", new PriceTable.Price(2.0, 8.0))),
                "gpt-4.1-mini",
                List.of("gpt-4.1", "gpt-4.1-mini"));

        // 100 cases x 2 samples x 5 iterations; (40 critiques + 1 grouping) x 5; 3 x 5 + 1 optimizer calls.
        assertThat(estimate.targetCalls()).isEqualTo(1_000);
        assertThat(estimate.criticCalls()).isEqualTo(205);
        assertThat(estimate.optimizerCalls()).isEqualTo(16);
        // Target 1,000 x 600; critic 205 x 1,500; optimizer 3 x (3,000 + 5,000 + 7,000 + 9,000 + 11,000) + 13,000.
        assertThat(estimate.tokens()).isEqualTo(600_000 + 307_500 + 105_000 + 13_000);
        // Target: 450 input and 150 output tokens per call at gpt-4.1-mini's price; control at gpt-4.1's.
        double target = 1_000 * (450 * 0.4 + 150 * 1.6) / 1e6;
        double control = (307_500 + 118_000) * (0.85 * 2.0 + 0.15 * 8.0) / 1e6;
        assertThat(estimate.costUsd().getAsDouble())
                .isCloseTo(target + control, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(estimate.lines(TuneSettings.DEFAULTS).get(0))
                .isEqualTo("Estimate for prompts/math.prompt, at most: 1,221 calls (target 1,000 = 200 case runs x 5"
                        + " iterations; critic 205; optimizer 16), 1,025,500 tokens, cost $"
                        + String.format(java.util.Locale.ROOT, "%.4f", target + control)
                        + ". Target tokens: 600 tokens per call, rpt's default (no earlier run of these cases).");
    }

    @Test
    void aMissingPriceLeavesTheCostUnknownAndABudgetIsNamed() {
        TuneSettings budgeted = TuneSettings.builder()
                .maxIterations(3)
                .maxCalls(OptionalLong.of(500))
                .maxCostUsd(OptionalDouble.of(1.5))
                .maxCritiques(0)
                .build();

        TuneEstimate estimate = TuneEstimate.of(
                "p.prompt", 10, 1, budgeted, false, Optional.empty(), PriceTable.EMPTY, "m", List.of("m"));

        assertThat(estimate.criticCalls()).isZero();
        assertThat(estimate.costUsd()).isEmpty();
        assertThat(estimate.lines(budgeted))
                .anySatisfy(line -> assertThat(line).contains("cost unknown (set rpt.price.<model>"))
                .anySatisfy(line -> assertThat(line)
                        .isEqualTo("  The budget rpt.tune.max-calls=500, rpt.tune.max-cost=1.50 stops the tune before"
                                + " this bound if it is reached."));
    }

    /**
     * On the simulator, with the seed's run as the "last run" that measures the target's tokens: the tune's real
     * spend stays within the bound, and the target's calls are exactly cases times evaluations.
     */
    @Test
    void aSimulatorTuneSpendsWithinItsEstimate() throws IOException {
        RptConfig config = RptConfig.of(Map.of("rpt.provider", "sim", "rpt.sim.answers", "sim/gsm8k-sample.jsonl"));
        ChatModel sim = new SimProvider().create(ModelSettings.from(config), config, name -> null);
        InProcessRunner runner = new InProcessRunner(sim, InProcessRunner.rows());
        Path promptFile = dir.resolve("math.prompt");
        Files.writeString(promptFile, InProcessRunner.WEAK_SEED);
        RunReport lastRun = runner.run("prompts/math.prompt", PromptFile.parse(promptFile), dir.resolve("last-run"));
        int cases = lastRun.cases().size();
        TuneSettings settings = TuneSettings.DEFAULTS;
        TuneEstimate estimate = TuneEstimate.of(
                "prompts/math.prompt",
                cases,
                1,
                settings,
                true,
                Optional.of(lastRun),
                PriceTable.EMPTY,
                "sim",
                List.of("sim"));
        UsageLedger ledger = UsageLedger.from(config);
        DiagnosticFunction diagnostic = new ReflectiveDiagnosticFunction(
                runner,
                "prompts/math.prompt",
                new CriticAnalyzer(sim, Optional.empty(), executor, settings.maxCritiques()),
                MetricBounds.of(0.8, 0.15, Double.NaN, Double.NaN),
                MetricsOptions.DEFAULTS);

        TuneResult result = new Tuner(settings, sim, diagnostic, ledger, line -> {})
                .tune(promptFile, MetricBounds.of(0.8, 0.15, Double.NaN, Double.NaN), dir.resolve("record"));
        SummaryJson.UsageJson spent =
                SummaryJson.read(new RecordLayout(result.record()).summary()).usage();

        assertThat(estimate.targetTokensSource()).endsWith("measured in the last run");
        assertThat(spent.calls()).isPositive().isLessThanOrEqualTo(estimate.calls());
        assertThat(spent.tokens()).isPositive().isLessThanOrEqualTo(estimate.tokens());
        long targetCalls = result.iterations().stream()
                .mapToLong(e -> e.targetUsage().calls())
                .sum();
        assertThat(targetCalls)
                .as("the target's calls are cases x evaluations")
                .isEqualTo((long) cases * result.iterations().size());
    }
}
