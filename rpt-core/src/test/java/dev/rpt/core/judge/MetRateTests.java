package dev.rpt.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rpt.core.thresholds.BoundCheck;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * {@code @Thresholds(minMetRate)}: a criterion's met rate, corrected by the judge's measured error where people labelled
 * answers, against the minimum; the confidence-bound mode reads its one-sided lower bound.
 */
class MetRateTests {

    @Test
    void aLenientJudgeIsHeldToTheRateThePeopleWouldGive() {
        // The example of CorrectedRateTests: the judge says met on 76 of 100, corrected 0.60 with SE 0.134440.
        MetRate rate = new MetRate("polite", 76, 100, Optional.of(corrected()));

        assertThat(rate.judgeRate()).isCloseTo(0.76, within(1e-12));
        assertThat(rate.estimate()).isCloseTo(0.60, within(1e-12));
        List<BoundCheck> checks = MetRate.checks(List.of(rate), 0.7, OptionalDouble.empty());
        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.passed()).isFalse();
            assertThat(check.detail())
                    .isEqualTo("met rate of 'polite': corrected 0.600 [0.337, 0.863] (judge 0.760 on 100, 20 human"
                            + " verdicts) is below @Thresholds(minMetRate = 0.7)");
        });
        assertThat(MetRate.checks(List.of(rate), 0.55, OptionalDouble.empty()))
                .singleElement()
                .extracting(BoundCheck::passed)
                .isEqualTo(true);
    }

    @Test
    void theConfidenceBoundModeReadsTheOneSidedLowerBound() {
        // Corrected: 0.60 - z(0.95)·0.134440 = 0.60 - 1.644854·0.134440 = 0.378866. Judge only, 76 of 100: Wilson's
        // lower end of the 90% interval, (p + z²/2n - z√(p(1-p)/n + z²/4n²)) / (1 + z²/n) with z = 1.644854 = 0.683496
        // (commons-math3's IntervalUtils gives the same).
        MetRate labelled = new MetRate("polite", 76, 100, Optional.of(corrected()));
        MetRate judgeOnly = new MetRate("polite", 76, 100, Optional.empty());

        assertThat(labelled.lowerBound(0.05)).isCloseTo(0.378866, within(1e-5));
        assertThat(judgeOnly.lowerBound(0.05)).isCloseTo(0.683496, within(1e-6));
        assertThat(MetRate.checks(List.of(labelled), 0.55, OptionalDouble.of(0.05)))
                .singleElement()
                .satisfies(check -> {
                    assertThat(check.passed()).isFalse();
                    assertThat(check.detail())
                            .endsWith("lower bound 0.379 is below @Thresholds(minMetRate = 0.55) (confidence-bound"
                                    + " mode: the one-sided 95% lower bound must reach it)");
                });
        assertThat(MetRate.checks(List.of(judgeOnly), 0.6, OptionalDouble.of(0.05)))
                .singleElement()
                .satisfies(check -> {
                    assertThat(check.passed()).isTrue();
                    assertThat(check.measured()).startsWith("judge 0.760 on 100, not corrected");
                });
    }

    @Test
    void aClassWithoutJudgedAnswersCannotMeetTheBound() {
        assertThat(MetRate.checks(List.of(), 0.5, OptionalDouble.empty()))
                .singleElement()
                .satisfies(check -> {
                    assertThat(check.passed()).isFalse();
                    assertThat(check.detail()).contains("needs judged answers").contains("declare a Criterion");
                });
    }

    private static CorrectedRate corrected() {
        CorrectedRate rate = CorrectedRateTests.example();
        assertThat(rate.standardError()).isCloseTo(0.134440, within(1e-6));
        return rate;
    }
}
