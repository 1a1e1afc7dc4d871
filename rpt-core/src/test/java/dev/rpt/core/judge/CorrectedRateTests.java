package dev.rpt.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prediction-powered inference on a criterion's met rate, computed by hand from the estimator of Angelopoulos et al.
 * (Science 2023) for a mean: {@code θ = mean(f̃) + mean(y - f)}, variance {@code s²(f̃)/N + s²(y - f)/n}.
 */
class CorrectedRateTests {

    @Test
    void theJudgesRateIsCorrectedByItsMeasuredErrorWithAnIntervalFromBothParts() {
        // 80 answers nobody labelled, 60 called met by the judge: 0.75; for the variance (60 + 1)/(80 + 2) = 0.743902,
        // so s² = 0.190512. 20 labelled: judge and person met 12; judge only 4; person only 1; neither 3. y - f:
        // fifteen 0, four -1, one +1, mean -0.15; with a +1 and a -1 added for the variance, mean -0.136364 and
        // s² = 0.313853. θ = 0.75 - 0.15 = 0.60; SE = √(0.190512/80 + 0.313853/20) = 0.134440; 95%: 0.60 ±
        // 1.959964·0.134440 = [0.336503, 0.863497]. The judge alone says (60 + 16)/100 = 0.76.
        CorrectedRate rate = example();

        assertThat(rate.judgeRate()).isCloseTo(0.76, within(1e-12));
        assertThat(rate.estimate()).isCloseTo(0.60, within(1e-12));
        assertThat(rate.interval().lower()).isCloseTo(0.336503, within(1e-6));
        assertThat(rate.interval().upper()).isCloseTo(0.863497, within(1e-6));
        assertThat(rate.describe())
                .isEqualTo("met: judge 0.760 on 100, corrected with 20 human verdicts 0.600 [0.337, 0.863]");
    }

    @Test
    void threeLabelsCannotMakeTheRateCertain() {
        // The judge never says met on 3 unlabelled answers, and was wrong on all 3 labelled ones: the plain variances
        // are 0. Smoothed: judge (0 + 1)/(3 + 2) = 0.2, s² = 0.16; differences 1, 1, 1 plus +1 and -1: mean 0.6,
        // s² = 0.8; SE = √(0.16/3 + 0.8/3) = 0.565685, so 1 - 1.959964·0.565685 < 0: the interval is [0, 1].
        List<boolean[]> wrong =
                List.of(new boolean[] {false, true}, new boolean[] {false, true}, new boolean[] {false, true});

        CorrectedRate rate = CorrectedRate.of(0, 3, wrong).orElseThrow();

        assertThat(rate.estimate()).isEqualTo(1.0);
        assertThat(rate.interval().lower()).isZero();
        assertThat(rate.interval().upper()).isEqualTo(1.0);
    }

    @Test
    void nothingToCorrectOrNothingToCorrectWithGivesNoEstimate() {
        List<boolean[]> one = List.of(new boolean[] {true, true});
        assertThat(CorrectedRate.of(5, 10, one)).as("one label").isEmpty();
        assertThat(CorrectedRate.of(0, 0, List.of(new boolean[] {true, true}, new boolean[] {true, false})))
                .as("every answer labelled")
                .isEmpty();
    }

    /** The worked example above: the judge met on 60 of 80 unlabelled answers, 20 labelled (12, 4, 1, 3). */
    static CorrectedRate example() {
        List<boolean[]> pairs = new ArrayList<>();
        add(pairs, true, true, 12);
        add(pairs, true, false, 4);
        add(pairs, false, true, 1);
        add(pairs, false, false, 3);
        return CorrectedRate.of(60, 80, pairs).orElseThrow();
    }

    private static void add(List<boolean[]> pairs, boolean judge, boolean human, int times) {
        for (int i = 0; i < times; i++) {
            pairs.add(new boolean[] {judge, human});
        }
    }
}
