package dev.rpt.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AccuracyIntervalTests {

    @Test
    void eightOfTenMatchesThePublishedWilsonInterval() {
        // p = 0.8, n = 10, z = 1.96: centre (0.8 + 0.1921) / 1.3841 = 0.7167,
        // half width 1.96 * sqrt(0.016 + 0.0096) / 1.3841 = 0.2266 -> [0.4902, 0.9433]
        Interval interval = AccuracyInterval.wilson(10, 8, 0.95).orElseThrow();

        assertThat(interval.lower()).isCloseTo(0.4902, within(1e-4));
        assertThat(interval.upper()).isCloseTo(0.9433, within(1e-4));
    }

    @Test
    void aWiderLevelGivesAWiderInterval() {
        Interval ninetyFive = AccuracyInterval.wilson(10, 8, 0.95).orElseThrow();
        Interval ninetyNine = AccuracyInterval.wilson(10, 8, 0.99).orElseThrow();

        assertThat(ninetyNine.lower()).isLessThan(ninetyFive.lower());
        assertThat(ninetyNine.upper()).isGreaterThan(ninetyFive.upper());
    }

    @Test
    void extremesStayWithinZeroAndOne() {
        // 0 of 10: upper = z^2 / (n + z^2) = 3.8415 / 13.8415 = 0.2775
        Interval none = AccuracyInterval.wilson(10, 0, 0.95).orElseThrow();
        Interval all = AccuracyInterval.wilson(10, 10, 0.95).orElseThrow();

        assertThat(none.lower()).isCloseTo(0.0, within(1e-12));
        assertThat(none.upper()).isCloseTo(0.2775, within(1e-4));
        assertThat(all.upper()).isCloseTo(1.0, within(1e-12));
        assertThat(all.lower()).isCloseTo(1 - 0.2775, within(1e-4));
        assertThat(all.contains(1.0)).isTrue();
    }

    @Test
    void undefinedWithoutTrials() {
        assertThat(AccuracyInterval.wilson(0, 0, 0.95)).isEmpty();
    }
}
