package dev.rpt.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.interval.IntervalUtils;
import org.junit.jupiter.api.Test;

class ToolMetricsTests {

    @Test
    void ratesAreSharesOfTheScoredAnswersWithWilsonIntervals() {
        List<List<ToolMetrics.Sample>> cases = List.of(
                List.of(sample(1, true, true)),
                List.of(sample(2, true, false)),
                List.of(sample(3, false, null)),
                List.of(sample(2, null, null)));

        ToolMetrics metrics = ToolMetrics.of(cases, 0.95).orElseThrow();

        assertThat(metrics.answers()).isEqualTo(4);
        assertThat(metrics.selectionScored()).isEqualTo(3);
        assertThat(metrics.selection().getAsDouble()).isCloseTo(2.0 / 3, within(1e-12));
        var wilson = IntervalUtils.getWilsonScoreInterval(3, 2, 0.95);
        assertThat(metrics.selectionInterval().orElseThrow().lower()).isCloseTo(wilson.getLowerBound(), within(1e-12));
        assertThat(metrics.selectionInterval().orElseThrow().upper()).isCloseTo(wilson.getUpperBound(), within(1e-12));
        assertThat(metrics.argumentsScored()).isEqualTo(2);
        assertThat(metrics.arguments().getAsDouble()).isEqualTo(0.5);
    }

    @Test
    void stepsAreAveragedPerCaseThenOverCasesWithATInterval() {
        // The first case's two samples average 2 steps: the case, not the sample, is the unit.
        List<List<ToolMetrics.Sample>> cases = List.of(
                List.of(sample(1, null, null), sample(3, null, null)),
                List.of(sample(4, null, null)),
                List.of(sample(3, null, null)));

        ToolMetrics metrics = ToolMetrics.of(cases, 0.95).orElseThrow();

        assertThat(metrics.meanSteps()).isCloseTo(3.0, within(1e-12));
        double sd = 1.0; // of 2, 4, 3
        double half = new TDistribution(2).inverseCumulativeProbability(0.975) * sd / Math.sqrt(3);
        assertThat(metrics.stepsInterval().orElseThrow().upper()).isCloseTo(3.0 + half, within(1e-9));
        assertThat(metrics.stepsInterval().orElseThrow().lower())
                .as("no answer takes fewer than one step")
                .isEqualTo(1.0);
        assertThat(metrics.selection()).isEmpty();
        assertThat(metrics.describe(95))
                .isEqualTo(String.format(
                        java.util.Locale.ROOT,
                        "steps 3.00 [1.00, %.2f] per answer (4 answers); 95%% intervals",
                        3 + half));
    }

    @Test
    void equalStepCountsGetNoZeroWidthIntervalAndNoCasesNoMetrics() {
        ToolMetrics metrics = ToolMetrics.of(
                        List.of(List.of(sample(2, true, null)), List.of(sample(2, true, null))), 0.95)
                .orElseThrow();

        assertThat(metrics.stepsInterval()).isEmpty();
        assertThat(metrics.describe(95))
                .isEqualTo("tool selection 1.000 [0.342, 1.000] (2 answers scored), steps 2.00 per answer (2 answers,"
                        + " every case the same, so no interval); 95% intervals");
        assertThat(ToolMetrics.of(List.of(), 0.95)).isEmpty();
    }

    private static ToolMetrics.Sample sample(int steps, Boolean selection, Boolean arguments) {
        return new ToolMetrics.Sample(steps, Optional.ofNullable(selection), Optional.ofNullable(arguments));
    }
}
