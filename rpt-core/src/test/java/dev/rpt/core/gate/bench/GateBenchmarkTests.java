package dev.rpt.core.gate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rpt.core.gate.RegressionOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gate's trustworthiness benchmark. The reduced form runs in every build with few repetitions and loose bounds;
 * the full form (200 repetitions, 2,000 resamples, the bounds the gate promises) runs only with {@code
 * -Drpt.bench.full=true}; see {@code docs/ci.md} for the command and the measured table.
 */
class GateBenchmarkTests {

    @Test
    void reducedBenchmarkRarelyFailsOnNoiseAndCatchesRealRegressions() {
        List<GateBenchmark.Outcome> outcomes = new GateBenchmark(
                        20,
                        RegressionOptions.DEFAULTS.withResamples(400),
                        List.of(
                                Scenario.unchanged(),
                                Scenario.accuracyDrop(),
                                Scenario.calibrationDroppedWithoutUnitCheck()))
                .run();
        System.out.println(GateBenchmark.table(outcomes));
        GateBenchmark.Outcome unchanged = outcomes.get(0);
        GateBenchmark.Outcome accuracy = outcomes.get(1);
        GateBenchmark.Outcome calibration = outcomes.get(2);
        // Loose bounds for 20 repetitions around what the full run measured (docs/ci.md): 1.5% false alarms, 67%
        // power on -10 points of accuracy, 63% on +0.074 ECE, and a naive gate failing an unchanged prompt ~43% of the
        // time.
        assertThat(unchanged.gateFailed()).isLessThanOrEqualTo(2);
        assertThat(unchanged.naiveAccuracyFailed())
                .as("the naive gate fails on noise")
                .isGreaterThanOrEqualTo(3);
        assertThat(accuracy.accuracyEffect()).isBetween(-0.14, -0.06);
        assertThat(accuracy.gateFailedAccuracy()).isGreaterThanOrEqualTo(8);
        assertThat(calibration.eceEffect()).isGreaterThan(0.05);
        assertThat(calibration.gateFailedEce()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void fullBenchmarkMeetsTheGatesPromises() throws IOException {
        assumeTrue(Boolean.getBoolean("rpt.bench.full"), "the full benchmark runs only with -Drpt.bench.full=true");
        List<GateBenchmark.Outcome> outcomes = new GateBenchmark(
                        200,
                        RegressionOptions.DEFAULTS.withAlpha(
                                Double.parseDouble(System.getProperty("rpt.bench.alpha", "0.05"))),
                        Scenario.full())
                .run();
        String table = GateBenchmark.table(outcomes);
        System.out.println(table);
        Files.writeString(Path.of("target", "gate-benchmark.md"), table);
        assumeTrue(System.getProperty("rpt.bench.alpha") == null, "the bounds below are for the default alpha");
        // The gate's promise: an unchanged prompt fails at most 2% of the time.
        assertThat(outcomes.get(0).rate(outcomes.get(0).gateFailed())).isLessThanOrEqualTo(0.02);
        assertThat(outcomes.get(3).rate(outcomes.get(3).gateFailed())).isLessThanOrEqualTo(0.02);
        // Power: the issue asks for 95%, which 200 cases with this much sampling noise cannot give at 2% false alarms
        // (docs/ci.md works it out); these are the measured levels, rounded down, so a change that loses power fails.
        assertThat(outcomes.get(1).accuracyEffect()).isBetween(-0.12, -0.08);
        assertThat(outcomes.get(1).rate(outcomes.get(1).gateFailedAccuracy())).isGreaterThanOrEqualTo(0.6);
        assertThat(outcomes.get(4).eceEffect()).isGreaterThanOrEqualTo(0.05);
        assertThat(outcomes.get(4).rate(outcomes.get(4).gateFailedEce())).isGreaterThanOrEqualTo(0.55);
    }
}
