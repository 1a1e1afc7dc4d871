package dev.rpt.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ValueRecordsTests {

    @Test
    void intervalRejectsReversedOrOutOfRangeBounds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Interval(0.6, 0.4))
                .withMessage("an interval needs 0 <= lower <= upper <= 1, was [0.6, 0.4]");
        assertThatIllegalArgumentException().isThrownBy(() -> new Interval(-0.1, 0.4));
        assertThatIllegalArgumentException().isThrownBy(() -> new Interval(0.1, 1.1));
        assertThat(new Interval(0.2, 0.2).contains(0.2)).isTrue();
        assertThat(new Interval(0.2, 0.3).contains(0.31)).isFalse();
    }

    @Test
    void aBinHasMeansExactlyWhenItHasCases() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReliabilityBin(0, 0.1, 0, OptionalDouble.of(0.05), OptionalDouble.of(1)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReliabilityBin(0, 0.1, 2, OptionalDouble.empty(), OptionalDouble.empty()));
        // |0.5 - 0.05|
        assertThat(ReliabilityBin.of(0, 0.1, 2, 0.1, 1).gap().getAsDouble())
                .isCloseTo(0.45, org.assertj.core.data.Offset.offset(1e-12));
    }
}
