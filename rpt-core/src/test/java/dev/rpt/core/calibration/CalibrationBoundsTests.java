package dev.rpt.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.core.thresholds.UpperBound;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The upper bounds confidence-bound mode holds {@code maxEce} and {@code maxBrier} to. */
class CalibrationBoundsTests {

    @Test
    void theBrierBoundAddsClusterRobustStandardErrors() {
        // Four cases stated 0.9, three right: squared errors 0.01, 0.01, 0.01, 0.81, Brier 0.21; residuals -0.2 (x3)
        // and 0.6, so V = 4/3 · 0.48 / 16 = 0.04 and SE 0.2; at one-sided 5%: 0.21 + 1.644854 · 0.2 = 0.538971.
        List<List<CaseOutcome>> cases = List.of(
                List.of(CaseOutcome.passed(0.9)),
                List.of(CaseOutcome.passed(0.9)),
                List.of(CaseOutcome.passed(0.9)),
                List.of(CaseOutcome.failed(0.9)));

        assertThat(CalibrationBounds.brierUpper(cases, 0.05).getAsDouble()).isCloseTo(0.538971, within(1e-6));
        assertThat(CalibrationBounds.brierUpper(List.of(List.of(CaseOutcome.passed(0.9))), 0.05)
                        .getAsDouble())
                .as("one case shows nothing")
                .isEqualTo(1.0);
        assertThat(CalibrationBounds.brierUpper(List.of(List.of(CaseOutcome.passedWithoutConfidence())), 0.05))
                .isEmpty();
    }

    @Test
    void theEceBoundLiesAboveTheEstimateAndGrowsAsTheLevelShrinks() {
        List<List<CaseOutcome>> calibrated = calibrated(400, 7);
        double estimate = Metrics.of(calibrated.stream().flatMap(List::stream).toList())
                .eceDebiased()
                .getAsDouble();

        double at5 = CalibrationBounds.eceUpper(calibrated, 10, 0.05).getAsDouble();
        double at05 = CalibrationBounds.eceUpper(calibrated, 10, 0.005).getAsDouble();

        assertThat(at5).isGreaterThanOrEqualTo(estimate).isLessThan(0.10);
        assertThat(at05).isGreaterThanOrEqualTo(at5);
        assertThat(CalibrationBounds.eceUpper(calibrated, 10, 0.05).getAsDouble())
                .as("seeded: the same data give the same bound")
                .isEqualTo(at5);
    }

    @Test
    void inConfidenceBoundModeACalibrationBoundHoldsOnlyWhenItsUpperBoundDoes() {
        MetricBounds atMostQuarter = MetricBounds.of(Double.NaN, Double.NaN, 0.25, Double.NaN);
        List<CaseOutcome> flat = List.of(
                CaseOutcome.passed(0.9), CaseOutcome.passed(0.9), CaseOutcome.passed(0.9), CaseOutcome.failed(0.9));
        Metrics metrics = Metrics.of(flat);

        assertThat(atMostQuarter.check(metrics).passed())
                .as("Brier 0.21 ≤ 0.25")
                .isTrue();
        assertThat(atMostQuarter
                        .check(
                                metrics,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(new UpperBound(0.538971, "one-sided 95% upper bound")))
                        .violations())
                .containsExactly("Brier 0.210 has a one-sided 95% upper bound of 0.539 > 0.250 over 4 cases with a"
                        + " confidence (confidence-bound mode: the upper bound must stay at or below the maximum)");
    }

    private static List<List<CaseOutcome>> calibrated(int cases, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<List<CaseOutcome>> all = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            double confidence = 0.5 + 0.5 * random.nextDouble();
            all.add(List.of(
                    random.nextDouble() < confidence
                            ? CaseOutcome.passed(confidence)
                            : CaseOutcome.failed(confidence)));
        }
        return all;
    }
}
