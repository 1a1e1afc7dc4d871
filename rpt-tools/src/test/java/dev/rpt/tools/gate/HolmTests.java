package dev.rpt.tools.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HolmTests {

    @Test
    void adjustsStepDownAndKeepsTheOrderOfTheInput() {
        // Sorted: 0.001 (x4 = 0.004), 0.01 (x3 = 0.03), 0.03 (x2 = 0.06), 0.04 (x1 = 0.04 -> 0.06 by monotonicity).
        double[] adjusted = Holm.adjust(new double[] {0.03, 0.001, 0.04, 0.01});

        assertThat(adjusted[0]).isCloseTo(0.06, within(1e-12));
        assertThat(adjusted[1]).isCloseTo(0.004, within(1e-12));
        assertThat(adjusted[2]).isCloseTo(0.06, within(1e-12));
        assertThat(adjusted[3]).isCloseTo(0.03, within(1e-12));
    }

    @Test
    void rejectsAtLeastWhatBonferroniRejectsAndNeverExceedsOne() {
        double[] p = {0.012, 0.013, 0.5, 0.9};
        double[] adjusted = Holm.adjust(p);

        // Bonferroni at 0.05 over 4 rejects p <= 0.0125: only the first. Holm also rejects the second: 3 x 0.013 =
        // 0.039, raised to the first's 0.048 so that adjusted p-values keep the raw order.
        assertThat(adjusted[0]).isCloseTo(0.048, within(1e-12));
        assertThat(adjusted[1]).isCloseTo(0.048, within(1e-12));
        assertThat(4 * p[1]).as("Bonferroni's adjusted p of the second").isGreaterThan(0.05);
        assertThat(adjusted[3]).isEqualTo(1.0);
        assertThat(Holm.adjust(new double[0])).isEmpty();
    }
}
