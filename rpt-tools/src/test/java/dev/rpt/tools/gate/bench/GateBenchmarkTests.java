package dev.rpt.tools.gate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rpt.tools.gate.RegressionOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The gate's trustworthiness benchmark. The reduced form runs in every build with few repetitions and loose bounds;
 * the full form (200 repetitions per configuration, 2,000 resamples, the bounds the gate promises) runs only with
 * {@code -Drpt.bench.full=true}; see {@code docs/ci.md} for the command and the measured tables.
 */
class GateBenchmarkTests {

    /** The configuration docs/ci.md recommends for a gate that must catch −10 points and +0.05 ECE. */
    static final int RECOMMENDED_REPEAT = 8;

    static final double RECOMMENDED_ALPHA = 0.025;

    @Test
    void reducedBenchmarkRarelyFailsOnNoiseAndCatchesRealRegressions() {
        List<GateBenchmark.Outcome> outcomes = new GateBenchmark(
                        20,
                        1,
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
        // Loose bounds for 20 repetitions around what the full run measured at the defaults (docs/ci.md): 0% false
        // alarms, 50% power on -10 points of accuracy, 31% on +0.074 ECE, and a naive gate failing an unchanged
        // prompt ~45% of the time.
        assertThat(unchanged.gateFailed()).isLessThanOrEqualTo(2);
        assertThat(unchanged.naiveAccuracyFailed())
                .as("the naive gate fails on noise")
                .isGreaterThanOrEqualTo(3);
        assertThat(accuracy.accuracyEffect()).isBetween(-0.14, -0.06);
        assertThat(accuracy.gateFailedAccuracy()).isGreaterThanOrEqualTo(6);
        assertThat(calibration.eceEffect()).isGreaterThan(0.05);
        assertThat(calibration.gateFailedEce()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void reducedBenchmarkWithRepeatsCatchesBothRegressions() {
        List<GateBenchmark.Outcome> outcomes = new GateBenchmark(
                        20,
                        RECOMMENDED_REPEAT,
                        RegressionOptions.DEFAULTS.withAlpha(RECOMMENDED_ALPHA).withResamples(400),
                        List.of(Scenario.unchanged(), Scenario.accuracyDrop(), Scenario.calibrationDropped()))
                .run();
        System.out.println(GateBenchmark.table(outcomes));
        assertThat(outcomes.get(0).gateFailed()).isLessThanOrEqualTo(2);
        assertThat(outcomes.get(1).gateFailedAccuracy()).isGreaterThanOrEqualTo(18);
        assertThat(outcomes.get(2).eceEffect()).isGreaterThanOrEqualTo(0.045);
        // The null is "worse by at most the tolerance" (0.02): an ECE rise of about 0.05 must be shown beyond 0.02,
        // which 8 samples of 200 cases do in about two builds of three.
        assertThat(outcomes.get(2).gateFailedEce()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void fullBenchmarkMeetsTheGatesPromises() throws IOException {
        assumeTrue(Boolean.getBoolean("rpt.bench.full"), "the full benchmark runs only with -Drpt.bench.full=true");
        List<GateBenchmark.Outcome> defaults = run(1, 0.05);
        List<GateBenchmark.Outcome> threeSamples = run(3, 0.05);
        List<GateBenchmark.Outcome> recommended = run(RECOMMENDED_REPEAT, RECOMMENDED_ALPHA);
        Files.writeString(
                Path.of("target", "gate-benchmark.md"),
                section("defaults: 1 sample per case, alpha 0.05", defaults)
                        + section("rpt.repeat=3, alpha 0.05", threeSamples)
                        + section(
                                String.format(
                                        Locale.ROOT,
                                        "recommended: rpt.repeat=%d, alpha %.3f",
                                        RECOMMENDED_REPEAT,
                                        RECOMMENDED_ALPHA),
                                recommended));
        // At the defaults: an unchanged prompt fails at most 2% (rounded to the 200 repetitions' resolution); power
        // is what one sample per case allows against a null of "worse by at most the tolerance", asserted at the
        // levels measured on 2026-12-07 rounded down, so that a change that loses power fails.
        assertThat(falseAlarms(defaults)).isLessThanOrEqualTo(0.02);
        assertThat(defaults.get(1).rate(defaults.get(1).gateFailedAccuracy())).isGreaterThanOrEqualTo(0.45);
        assertThat(defaults.get(4).rate(defaults.get(4).gateFailedEce())).isGreaterThanOrEqualTo(0.28);
        // The recommended configuration: at most 2% false alarms, at least 95% power on -10 points of accuracy and on
        // an ECE rise of +0.09; +0.05 of ECE, 2.5 tolerances, is caught about two times in three.
        assertThat(falseAlarms(recommended)).isLessThanOrEqualTo(0.02);
        assertThat(recommended.get(1).accuracyEffect()).isBetween(-0.12, -0.08);
        assertThat(recommended.get(1).rate(recommended.get(1).gateFailedAccuracy()))
                .isGreaterThanOrEqualTo(0.95);
        assertThat(recommended.get(4).eceEffect()).isGreaterThanOrEqualTo(0.09);
        assertThat(recommended.get(4).rate(recommended.get(4).gateFailedEce())).isGreaterThanOrEqualTo(0.95);
        assertThat(recommended.get(2).eceEffect()).isGreaterThanOrEqualTo(0.05);
        assertThat(recommended.get(2).rate(recommended.get(2).gateFailedEce())).isGreaterThanOrEqualTo(0.65);
    }

    private static List<GateBenchmark.Outcome> run(int repeat, double alpha) {
        long start = System.nanoTime();
        List<GateBenchmark.Outcome> outcomes =
                new GateBenchmark(200, repeat, RegressionOptions.DEFAULTS.withAlpha(alpha), Scenario.full()).run();
        System.out.printf(
                Locale.ROOT,
                "%d samples per case, alpha %.3f, %.0f s%n%s%n",
                repeat,
                alpha,
                (System.nanoTime() - start) / 1e9,
                GateBenchmark.table(outcomes));
        return outcomes;
    }

    /** The worse false-alarm rate of the two unchanged-prompt scenarios. */
    private static double falseAlarms(List<GateBenchmark.Outcome> outcomes) {
        return Math.max(
                outcomes.get(0).rate(outcomes.get(0).gateFailed()),
                outcomes.get(3).rate(outcomes.get(3).gateFailed()));
    }

    private static String section(String title, List<GateBenchmark.Outcome> outcomes) {
        return "### " + title + "\n\n" + GateBenchmark.table(outcomes) + "\n";
    }
}
