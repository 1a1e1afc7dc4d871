package dev.rpt.core.thresholds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The gate's bounds and their messages. The sample has 3 passed and 2 failed cases, all at confidence 0.9, plus one
 * errored case: accuracy 0.6 (Wilson 95% interval 0.231–0.882), ECE |0.6 - 0.9| = 0.3, Brier (3 × 0.01 + 2 × 0.81) / 5
 * = 0.33, error rate 1/6.
 */
class MetricBoundsTests {

    private static final double NAN = Double.NaN;

    @Test
    void describesTheSetBoundsOnly() {
        assertThat(MetricBounds.of(0.8, 0.1, NAN, 0.05).describe())
                .isEqualTo("accuracy ≥ 0.800, ECE ≤ 0.100, error rate ≤ 0.050");
        assertThat(MetricBounds.of(NAN, NAN, 0.25, NAN).describe()).isEqualTo("Brier ≤ 0.250");
        assertThat(MetricBounds.NONE.describe()).isEqualTo("none");
    }

    @Test
    void nanMeansUnset() {
        MetricBounds thresholds = MetricBounds.of(NAN, 0.1, NAN, NAN);

        assertThat(thresholds.minAccuracy()).isEmpty();
        assertThat(thresholds.maxEce()).hasValue(0.1);
        assertThat(thresholds.maxBrier()).isEmpty();
        assertThat(thresholds.maxErrorRate()).isEmpty();
        assertThat(thresholds.isEmpty()).isFalse();
        assertThat(MetricBounds.of(NAN, NAN, NAN, NAN)).isEqualTo(MetricBounds.NONE);
        assertThat(MetricBounds.of(NAN, NAN, NAN, NAN).isEmpty()).isTrue();
    }

    @Test
    void noBoundsAlwaysPass() {
        ThresholdResult result = MetricBounds.NONE.check(sample());

        assertThat(result.passed()).isTrue();
        assertThat(result.violations()).isEmpty();
        assertThat(result.thresholds()).isEqualTo(MetricBounds.NONE);
    }

    @Test
    void minAccuracyPassesAtTheBoundAndFailsWithTheIntervalBelowIt() {
        assertThat(MetricBounds.of(0.6, NAN, NAN, NAN).check(sample()).passed()).isTrue();

        ThresholdResult result = MetricBounds.of(0.8, NAN, NAN, NAN).check(sample());

        assertThat(result.passed()).isFalse();
        assertThat(result.violations()).containsExactly("accuracy 0.600 (95% CI 0.231–0.882) < 0.800 over 5 cases");
    }

    @Test
    void confidenceBoundModeNeedsTheIntervalsLowerEndAtTheMinimum() {
        MetricBounds thresholds = MetricBounds.of(0.5, NAN, NAN, NAN);
        assertThat(thresholds.check(sample(), CheckMode.POINT_ESTIMATE).passed())
                .isTrue();
        assertThat(thresholds.check(sample(), CheckMode.CONFIDENCE_BOUND).violations())
                .containsExactly("accuracy 0.600 has a 95% CI lower bound of 0.231 < 0.500 over 5 cases"
                        + " (confidence-bound mode: the lower bound must reach the minimum)");
        assertThat(MetricBounds.of(0.2, NAN, NAN, NAN)
                        .check(sample(), CheckMode.CONFIDENCE_BOUND)
                        .passed())
                .isTrue();
    }

    @Test
    void accuracyWithoutScoredCasesIsAViolationNotAPass() {
        Metrics allErrored = Metrics.of(List.of(CaseOutcome.errored(), CaseOutcome.errored()));

        assertThat(MetricBounds.of(0.5, NAN, NAN, NAN).check(allErrored).violations())
                .containsExactly("accuracy cannot be measured: no scored cases");
    }

    @Test
    void maxEcePassesAboveTheValueAndFailsBelowIt() {
        assertThat(MetricBounds.of(NAN, 0.31, NAN, NAN).check(sample()).passed())
                .isTrue();

        assertThat(MetricBounds.of(NAN, 0.1, NAN, NAN).check(sample()).violations())
                .containsExactly("ECE 0.298 (debiased; binned 0.300) > 0.100 over 5 cases with a confidence");
    }

    @Test
    void maxBrierPassesAboveTheValueAndFailsBelowIt() {
        assertThat(MetricBounds.of(NAN, NAN, 0.34, NAN).check(sample()).passed())
                .isTrue();

        assertThat(MetricBounds.of(NAN, NAN, 0.2, NAN).check(sample()).violations())
                .containsExactly("Brier 0.330 > 0.200 over 5 cases with a confidence");
    }

    @Test
    void calibrationBoundsAreUnmeasurableWithoutAnyConfidence() {
        Metrics noConfidence =
                Metrics.of(List.of(CaseOutcome.passedWithoutConfidence(), CaseOutcome.failedWithoutConfidence()));

        assertThat(MetricBounds.of(NAN, 0.5, 0.5, NAN).check(noConfidence).violations())
                .containsExactly(
                        "ECE cannot be measured: no case has a confidence (2 of 2 missing)",
                        "Brier cannot be measured: no case has a confidence (2 of 2 missing)");
    }

    @Test
    void maxErrorRateCountsErroredAmongAllCases() {
        assertThat(MetricBounds.of(NAN, NAN, NAN, 0.2).check(sample()).passed()).isTrue();

        assertThat(MetricBounds.of(NAN, NAN, NAN, 0.1).check(sample()).violations())
                .containsExactly("error rate 0.167 (1 of 6 cases errored) > 0.100");
        assertThat(MetricBounds.of(NAN, NAN, NAN, 0.0)
                        .check(Metrics.of(List.of()))
                        .passed())
                .as("no cases, no errors")
                .isTrue();
    }

    @Test
    void reportsEveryViolatedBoundInOrder() {
        ThresholdResult result = MetricBounds.of(0.8, 0.1, 0.2, 0.1).check(sample());

        assertThat(result.violations())
                .containsExactly(
                        "accuracy 0.600 (95% CI 0.231–0.882) < 0.800 over 5 cases",
                        "ECE 0.298 (debiased; binned 0.300) > 0.100 over 5 cases with a confidence",
                        "Brier 0.330 > 0.200 over 5 cases with a confidence",
                        "error rate 0.167 (1 of 6 cases errored) > 0.100");
    }

    @Test
    void rejectsBoundsOutsideTheUnitIntervalNamingTheBound() {
        assertThatThrownBy(() -> MetricBounds.of(80, NAN, NAN, NAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threshold minAccuracy must be a fraction in [0, 1] (0.8, not 80), got 80.0; leave it unset"
                        + " (NaN in @Thresholds) to skip the check");
        assertThatThrownBy(() -> MetricBounds.of(NAN, -0.1, NAN, NAN)).hasMessageContaining("maxEce");
        assertThatThrownBy(() -> MetricBounds.of(NAN, NAN, Double.POSITIVE_INFINITY, NAN))
                .hasMessageContaining("maxBrier");
        assertThatThrownBy(() -> MetricBounds.of(NAN, NAN, NAN, 1.5)).hasMessageContaining("maxErrorRate");
        assertThatThrownBy(() -> new MetricBounds(
                        OptionalDouble.of(NAN), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()))
                .hasMessageContaining("minAccuracy");
        assertThat(MetricBounds.of(0, 1, 0, 1).describe())
                .isEqualTo("accuracy ≥ 0.000, ECE ≤ 1.000, Brier ≤ 0.000," + " error rate ≤ 1.000");
    }

    @Test
    void resultCopiesItsChecks() {
        List<BoundCheck> checks = new ArrayList<>(List.of(new BoundCheck("ECE", "≤ 0.100", "0.200", false, "x")));
        ThresholdResult result = new ThresholdResult(MetricBounds.NONE, checks);
        checks.clear();

        assertThat(result.violations()).containsExactly("x");
        assertThat(result.passed()).isFalse();
    }

    @Test
    void everySetBoundHasAVerdictAndTheMeasuredLineShowsThemAll() {
        ThresholdResult result = MetricBounds.of(0.5, 0.1, NAN, 0.1).check(sample());

        assertThat(result.checks())
                .extracting(BoundCheck::bound, BoundCheck::passed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("accuracy ≥ 0.500", true),
                        org.assertj.core.groups.Tuple.tuple("ECE ≤ 0.100", false),
                        org.assertj.core.groups.Tuple.tuple("error rate ≤ 0.100", false));
        assertThat(result.measuredLine()).startsWith("accuracy 0.600 [0.231, 0.882] (≥ 0.500 ✓), ECE ");
        assertThat(result.measuredLine()).contains("(≤ 0.100 ✗)").endsWith("error rate 0.167 (1 of 6) (≤ 0.100 ✗)");
    }

    private static Metrics sample() {
        return Metrics.of(List.of(
                CaseOutcome.passed(0.9),
                CaseOutcome.passed(0.9),
                CaseOutcome.passed(0.9),
                CaseOutcome.failed(0.9),
                CaseOutcome.failed(0.9),
                CaseOutcome.errored()));
    }
}
