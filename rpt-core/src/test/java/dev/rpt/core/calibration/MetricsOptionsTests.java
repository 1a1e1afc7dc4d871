package dev.rpt.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class MetricsOptionsTests {

    @Test
    void defaults() {
        assertThat(MetricsOptions.DEFAULTS).isEqualTo(new MetricsOptions(10, 0.8, 0.2, 0.95));
    }

    @Test
    void withersChangeOneField() {
        MetricsOptions options = MetricsOptions.DEFAULTS
                .withBins(15)
                .withOverconfidenceThreshold(0.9)
                .withUnderconfidenceThreshold(0.1)
                .withIntervalLevel(0.99);

        assertThat(options).isEqualTo(new MetricsOptions(15, 0.9, 0.1, 0.99));
    }

    @Test
    void rejectsBinsOutOfRangeNamingTheField() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MetricsOptions.DEFAULTS.withBins(0))
                .withMessage("bins must be an integer between 1 and 1000, was 0 (the default is 10)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MetricsOptions.DEFAULTS.withBins(1001))
                .withMessageContaining("bins");
    }

    @Test
    void rejectsThresholdsOutsideTheUnitInterval() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MetricsOptions.DEFAULTS.withOverconfidenceThreshold(0.0))
                .withMessageStartingWith("overconfidenceThreshold must be a number in (0, 1], was 0.0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MetricsOptions.DEFAULTS.withOverconfidenceThreshold(Double.NaN))
                .withMessageContaining("overconfidenceThreshold");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MetricsOptions.DEFAULTS.withUnderconfidenceThreshold(1.0))
                .withMessageStartingWith("underconfidenceThreshold must be a number in [0, 1), was 1.0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MetricsOptions.DEFAULTS.withIntervalLevel(1.0))
                .withMessageStartingWith("intervalLevel must be a number strictly between 0 and 1");
    }

    @Test
    void acceptsTheInclusiveEnds() {
        assertThat(MetricsOptions.DEFAULTS.withOverconfidenceThreshold(1.0).overconfidenceThreshold())
                .isEqualTo(1.0);
        assertThat(MetricsOptions.DEFAULTS.withUnderconfidenceThreshold(0.0).underconfidenceThreshold())
                .isEqualTo(0.0);
        assertThat(MetricsOptions.DEFAULTS.withBins(1).bins()).isEqualTo(1);
    }
}
