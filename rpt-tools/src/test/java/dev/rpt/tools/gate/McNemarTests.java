package dev.rpt.tools.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** McNemar's one-sided p-value against values computed independently (Python, math.comb and math.erfc). */
class McNemarTests {

    @Test
    void exactTailForFewDiscordantCases() {
        // b = 10 worse, c = 2 better: P(X >= 10), X ~ Bin(12, 1/2) = (C(12,10) + C(12,11) + C(12,12)) / 2^12
        // = (66 + 12 + 1) / 4096 = 79 / 4096 = 0.019287109375.
        assertThat(McNemar.oneSidedP(10, 2)).isCloseTo(0.019287109375, within(1e-12));
        assertThat(McNemar.method(10, 2)).isEqualTo("McNemar exact binomial");
    }

    @Test
    void exactTailWhenTheRunImproved() {
        // b = 2, c = 10: P(X >= 2) = 1 - (C(12,0) + C(12,1)) / 4096 = 1 - 13/4096 = 0.996826171875.
        assertThat(McNemar.oneSidedP(2, 10)).isCloseTo(0.996826171875, within(1e-12));
    }

    @Test
    void exactUpToTwentyFourDiscordantCases() {
        // b = 17, c = 7 (24 discordant): sum_{k=17..24} C(24,k) / 2^24 = 0.03195732831954956.
        assertThat(McNemar.oneSidedP(17, 7)).isCloseTo(0.03195732831954956, within(1e-12));
    }

    @Test
    void chiSquareWithContinuityCorrectionFromTwentyFiveOn() {
        // b = 20, c = 8: (|20 - 8| - 1)^2 / 28 = 121 / 28; z = sqrt(121/28) = 2.0788046015507495;
        // one-sided p = erfc(z / sqrt 2) / 2 = 0.018817656893657168.
        assertThat(McNemar.oneSidedP(20, 8)).isCloseTo(0.018817656893657168, within(1e-9));
        assertThat(McNemar.method(20, 8)).isEqualTo("McNemar chi-square with continuity correction");
        assertThat(McNemar.oneSidedP(8, 20)).isCloseTo(1 - 0.018817656893657168, within(1e-9));
    }

    @Test
    void noDiscordantCaseIsNoEvidence() {
        assertThat(McNemar.oneSidedP(0, 0)).isEqualTo(1.0);
        assertThat(McNemar.oneSidedP(0, 5)).isEqualTo(1.0);
    }

    @Test
    void rejectsNegativeCounts() {
        assertThatThrownBy(() -> McNemar.oneSidedP(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
