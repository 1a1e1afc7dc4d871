package dev.rpt.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AurocTests {

    private static ScoredConfidence right(double confidence) {
        return new ScoredConfidence(confidence, true);
    }

    private static ScoredConfidence wrong(double confidence) {
        return new ScoredConfidence(confidence, false);
    }

    @Test
    void perfectSeparationIsOne() {
        assertThat(Auroc.of(List.of(right(0.9), right(0.8), wrong(0.3), wrong(0.1))))
                .hasValue(1.0);
    }

    @Test
    void inverseSeparationIsZero() {
        assertThat(Auroc.of(List.of(right(0.1), wrong(0.9), right(0.2), wrong(0.8))))
                .hasValue(0.0);
    }

    @Test
    void tiesCountOneHalf() {
        // right {0.8, 0.6} vs wrong {0.8, 0.4}:
        //   (0.8, 0.8) tie 1/2, (0.8, 0.4) 1, (0.6, 0.8) 0, (0.6, 0.4) 1 -> 2.5 / 4
        assertThat(Auroc.of(List.of(right(0.8), wrong(0.8), right(0.6), wrong(0.4)))
                        .getAsDouble())
                .isCloseTo(0.625, within(1e-12));
    }

    @Test
    void unbalancedClasses() {
        // right {0.7} vs wrong {0.9, 0.7, 0.5, 0.2}: 0 + 1/2 + 1 + 1 = 2.5 of 4 pairs
        assertThat(Auroc.of(List.of(wrong(0.9), right(0.7), wrong(0.7), wrong(0.5), wrong(0.2)))
                        .getAsDouble())
                .isCloseTo(0.625, within(1e-12));
    }

    @Test
    void undefinedWithOnlyOneClassOrNoCases() {
        assertThat(Auroc.of(List.of(right(0.9), right(0.1)))).isEmpty();
        assertThat(Auroc.of(List.of(wrong(0.9), wrong(0.1)))).isEmpty();
        assertThat(Auroc.of(List.of())).isEmpty();
    }
}
