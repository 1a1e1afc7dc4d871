package dev.rpt.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaseOutcomeTests {

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsConfidenceOutsideZeroToOne(double confidence) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CaseOutcome.passed(confidence))
                .withMessageStartingWith("confidence must be a number between 0 and 1, was " + confidence);
    }

    @Test
    void acceptsTheEnds() {
        assertThat(CaseOutcome.failed(1.0).confidence()).hasValue(1.0);
        assertThat(CaseOutcome.passed(0.0).confidence()).hasValue(0.0);
    }

    @Test
    void anErroredCaseHasNoAnswerToMeasure() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CaseOutcome(Verdict.ERRORED, OptionalDouble.of(0.5), false))
                .withMessageContaining("ERRORED case has no answer");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CaseOutcome(Verdict.ERRORED, OptionalDouble.empty(), true))
                .withMessageContaining("ERRORED case has no answer");
    }

    @Test
    void aMissingConfidenceIsEmptyNotNull() {
        assertThatNullPointerException()
                .isThrownBy(() -> new CaseOutcome(Verdict.PASSED, null, false))
                .withMessageContaining("OptionalDouble.empty()");
        assertThat(CaseOutcome.passedWithoutConfidence().confidence()).isEmpty();
    }

    @Test
    void factoriesSetTheVerdict() {
        assertThat(CaseOutcome.passed(0.5).correct()).isTrue();
        assertThat(CaseOutcome.failed(0.5).correct()).isFalse();
        assertThat(CaseOutcome.failedWithoutConfidence().scored()).isTrue();
        assertThat(CaseOutcome.errored().scored()).isFalse();
        assertThat(CaseOutcome.errored().correct()).isFalse();
    }
}
