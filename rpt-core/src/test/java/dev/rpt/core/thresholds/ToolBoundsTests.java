package dev.rpt.core.thresholds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.calibration.ToolMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.stat.interval.IntervalUtils;
import org.junit.jupiter.api.Test;

class ToolBoundsTests {

    /** 18 of 20 answers chose the expected tools; 9 of 10 passed the expected arguments. */
    private static final List<List<ToolMetrics.Sample>> CASES = cases();

    @Test
    void thePointEstimateIsCheckedInPointEstimateMode() {
        ToolBounds bounds = ToolBounds.of(0.85, 0.95);

        List<BoundCheck> checks = bounds.checks(ToolMetrics.of(CASES, 0.95), Optional.empty(), OptionalDouble.empty());

        assertThat(checks).extracting(BoundCheck::metric).containsExactly("tool selection", "tool arguments");
        assertThat(checks.get(0).passed()).isTrue();
        assertThat(checks.get(1).passed()).isFalse();
        assertThat(checks.get(1).detail())
                .startsWith("tool arguments 0.900 [")
                .endsWith("over 10 scored answers is below @Thresholds(minToolArguments = 0.95)");
    }

    @Test
    void theOneSidedLowerBoundIsCheckedInConfidenceBoundMode() {
        double alpha = 0.025;
        ToolBounds bounds = ToolBounds.of(0.85, Double.NaN);
        double lower =
                IntervalUtils.getWilsonScoreInterval(20, 18, 1 - 2 * alpha).getLowerBound();

        List<BoundCheck> checks = bounds.checks(
                ToolMetrics.of(CASES, 0.95), ToolMetrics.of(CASES, 1 - 2 * alpha), OptionalDouble.of(alpha));

        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.passed())
                    .as("0.900 clears 0.85, its lower bound %s does not", lower)
                    .isFalse();
            assertThat(check.limit()).isEqualTo("≥ 0.850 (lower bound)");
            assertThat(check.measured()).endsWith(String.format(java.util.Locale.ROOT, ", lower bound %.3f", lower));
            assertThat(check.detail()).contains("the one-sided 97.5% lower bound must reach it");
        });
    }

    @Test
    void aBoundWithNothingToScoreFailsSayingWhatToAdd() {
        List<List<ToolMetrics.Sample>> unscored =
                List.of(List.of(new ToolMetrics.Sample(2, Optional.empty(), Optional.empty())));

        List<BoundCheck> checks = ToolBounds.of(0.9, Double.NaN)
                .checks(ToolMetrics.of(unscored, 0.95), Optional.empty(), OptionalDouble.empty());

        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.passed()).isFalse();
            assertThat(check.measured()).isEqualTo("not measurable");
            assertThat(check.detail()).contains("add an expected-tools column");
        });
        assertThat(ToolBounds.NONE.count()).isZero();
        assertThat(ToolBounds.NONE.checks(Optional.empty(), Optional.empty(), OptionalDouble.empty()))
                .isEmpty();
        assertThatThrownBy(() -> ToolBounds.of(1.5, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<List<ToolMetrics.Sample>> cases() {
        List<List<ToolMetrics.Sample>> cases = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Optional<Boolean> arguments = i < 10 ? Optional.of(i != 0) : Optional.empty();
            cases.add(List.of(new ToolMetrics.Sample(2, Optional.of(i >= 2), arguments)));
        }
        return cases;
    }
}
