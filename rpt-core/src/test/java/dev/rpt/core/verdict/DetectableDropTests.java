package dev.rpt.core.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rpt.core.calibration.CaseOutcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The detectable drop the summary states, computed by hand from the formula in the Javadoc. */
class DetectableDropTests {

    @Test
    void oneSamplePerCaseUsesTheClassRate() {
        // 100 cases, 80 right; alpha 0.05 over 3 tests: z(1 - 0.05/3) + z(0.8) = 2.128045 + 0.841621 = 2.969666;
        // 0.02 + 2.969666 · √(2 · 0.16 / 100) = 0.187990.
        List<List<CaseOutcome>> cases = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            cases.add(List.of(i < 80 ? CaseOutcome.passedWithoutConfidence() : CaseOutcome.failedWithoutConfidence()));
        }

        assertThat(DetectableDrop.of(cases, 0.05, 3, 0.02).getAsDouble()).isCloseTo(0.187990, within(1e-5));
    }

    @Test
    void repeatsUseEachCasesOwnSpread() {
        // 4 cases of 4 samples passing 4, 2, 3 and 1 times: p̂(1 - p̂)/(r - 1) = 0, 0.25/3, 0.1875/3, 0.1875/3, mean
        // 0.052083; one test at 0.05: (1.644854 + 0.841621) · √(2 · 0.052083 / 4) = 0.401253, plus 0.02 = 0.421253.
        List<List<CaseOutcome>> cases = List.of(samples(4), samples(2), samples(3), samples(1));

        assertThat(DetectableDrop.of(cases, 0.05, 1, 0.02).getAsDouble()).isCloseTo(0.421253, within(1e-5));
        assertThat(DetectableDrop.of(List.of(samples(1)), 0.05, 1, 0.02))
                .as("one case")
                .isEmpty();
    }

    private static List<CaseOutcome> samples(int passed) {
        List<CaseOutcome> samples = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            samples.add(i < passed ? CaseOutcome.passedWithoutConfidence() : CaseOutcome.failedWithoutConfidence());
        }
        return samples;
    }
}
