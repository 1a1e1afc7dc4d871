package dev.rpt.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.api.Split;
import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Verdict;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** A case record can only state what the report can state consistently. */
class CaseRecordTests {

    private static final Optional<CaseRecord.Failure> PROBLEM = Optional.of(new CaseRecord.Failure("k", "m"));

    @Test
    void itsOutcomeIsWhatTheMetricsNeed() {
        assertThat(CaseRecords.failed("C", "1", Split.TUNE, OptionalDouble.of(0.3), true)
                        .outcome())
                .isEqualTo(new CaseOutcome(Verdict.FAILED, OptionalDouble.of(0.3), true));
        assertThat(CaseRecords.errored("C", "1", Split.TUNE).outcome()).isEqualTo(CaseOutcome.errored());
    }

    @Test
    void aFailedCaseNeedsItsFailureAndOnlyIt() {
        assertThatThrownBy(() -> of(Verdict.FAILED, OptionalDouble.empty(), false, Optional.empty(), Optional.empty()))
                .hasMessage("C#m case '1': a failed case needs its failure");
        assertThatThrownBy(() -> of(Verdict.FAILED, OptionalDouble.empty(), false, PROBLEM, PROBLEM))
                .hasMessage("C#m case '1': only an errored case has an error, this one is FAILED");
    }

    @Test
    void anErroredCaseNeedsItsErrorAndNothingItCannotHave() {
        assertThatThrownBy(() -> of(Verdict.ERRORED, OptionalDouble.empty(), false, Optional.empty(), Optional.empty()))
                .hasMessage("C#m case '1': an errored case needs its error");
        assertThatThrownBy(() -> of(Verdict.ERRORED, OptionalDouble.of(0.5), false, Optional.empty(), PROBLEM))
                .hasMessageContaining("an errored case has neither a confidence nor a format error");
        assertThatThrownBy(() -> of(Verdict.ERRORED, OptionalDouble.empty(), true, Optional.empty(), PROBLEM))
                .hasMessageContaining("an errored case has neither a confidence nor a format error");
    }

    @Test
    void aPassedCaseHasNoFailure() {
        assertThatThrownBy(() -> of(Verdict.PASSED, OptionalDouble.empty(), false, PROBLEM, Optional.empty()))
                .hasMessage("C#m case '1': only a failed case has a failure, this one is PASSED");
    }

    @Test
    void rejectsAConfidenceOutsideTheUnitInterval() {
        for (double bad : new double[] {-0.01, 1.01, Double.NaN}) {
            assertThatThrownBy(
                            () -> of(Verdict.PASSED, OptionalDouble.of(bad), false, Optional.empty(), Optional.empty()))
                    .as("confidence %s", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("confidence must be in [0, 1], got " + bad);
        }
    }

    @Test
    void rejectsANegativeLatency() {
        assertThatThrownBy(() -> CaseRecord.builder("C", "m", "1")
                        .split(Split.TUNE)
                        .verdict(Verdict.PASSED)
                        .answer("a")
                        .latencyMs(-1)
                        .build())
                .hasMessage("C#m case '1': latencyMs cannot be negative, got -1");
    }

    private static CaseRecord of(
            Verdict verdict,
            OptionalDouble confidence,
            boolean formatError,
            Optional<CaseRecord.Failure> failure,
            Optional<CaseRecord.Failure> error) {
        return CaseRecord.builder("C", "m", "1")
                .split(Split.TUNE)
                .verdict(verdict)
                .answer("a")
                .confidence(confidence)
                .formatError(formatError)
                .failure(failure)
                .error(error)
                .build();
    }
}
