package dev.rpt.tools.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.core.calibration.Interval;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class FormatsTests {

    @Test
    void ratesArePercentagesWithOneDecimal() {
        assertThat(Formats.percent(OptionalDouble.of(0.75))).isEqualTo("75.0%");
        assertThat(Formats.percent(OptionalDouble.of(2.0 / 3))).isEqualTo("66.7%");
        assertThat(Formats.percent(OptionalDouble.of(1.0))).isEqualTo("100.0%");
    }

    @Test
    void scoresHaveThreeDecimals() {
        assertThat(Formats.decimal(OptionalDouble.of(0.215625))).isEqualTo("0.216");
        assertThat(Formats.decimal(OptionalDouble.of(0.0))).isEqualTo("0.000");
    }

    @Test
    void intervalsArePercentages() {
        assertThat(Formats.interval(Optional.of(new Interval(0.0944, 0.9049)))).isEqualTo("[9.4%, 90.5%]");
    }

    @Test
    void undefinedIsNeverShownAsZero() {
        assertThat(Formats.percent(OptionalDouble.empty())).isEqualTo("n/a");
        assertThat(Formats.decimal(OptionalDouble.empty())).isEqualTo("n/a");
        assertThat(Formats.interval(Optional.empty())).isEqualTo("n/a");
    }
}
