package dev.rpt.core.diagnose;

import static dev.rpt.core.diagnose.Fixtures.SEVERAL;
import static dev.rpt.core.diagnose.Fixtures.WRONG;
import static dev.rpt.core.diagnose.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeterministicAnalyzerTests {

    @Test
    void labelsRealisticAssertionMessagesByKindAndPattern() {
        assertThat(MessagePattern.label(
                        failure("a", "format", "Expected the number 18, but the answer holds several numbers [3, 18]")))
                .isEqualTo("format: answer holds several numbers");
        assertThat(MessagePattern.label(failure("a", "format", SEVERAL)))
                .isEqualTo("format: answer holds several numbers");
        assertThat(MessagePattern.label(failure("a", "value", WRONG))).isEqualTo("value: expected the number");
        assertThat(MessagePattern.label(failure(
                        "a",
                        "value",
                        "[capital] Expected answer equal to \"Paris\", but the model answered \"Lyon\""
                                + " with no stated confidence.")))
                .isEqualTo("value: expected answer equal to");
        assertThat(MessagePattern.label(failure(
                        "a",
                        "confidence",
                        "Expected confidence ≥ 0.8, but the model answered \"4\" with confidence 0.31.")))
                .isEqualTo("confidence: expected confidence ≥");
        assertThat(MessagePattern.label(failure("a", "other", ""))).isEqualTo("other: no message");
    }

    @Test
    void theTemplateTakesNumbersQuotesListsAndIdsOut() {
        assertThat(MessagePattern.template("Case gsm-03 got \"forty two\" instead of 42.5 from [1, 2] in 3f9a2c7d11"))
                .isEqualTo("Case <id> got \"…\" instead of # from […] in <id>");
        assertThat(MessagePattern.template(WRONG)).isEqualTo("Expected the number #");
    }

    @Test
    void groupsFailuresThatDifferOnlyInTheirData() {
        List<FailedCase> failures = List.of(
                failure("gsm-01", "value", WRONG),
                failure("gsm-02", "value", "Expected the number 7, but the model answered \"9\" with confidence 0.99."),
                failure("gsm-03", "format", SEVERAL),
                failure(
                        "gsm-04",
                        "format",
                        "Expected the number 2.5, but the answer holds several numbers [1, 2.5, 4], but the model"
                                + " answered \"1 then 2.5 then 4\" with confidence 0.80."),
                failure("gsm-05", "value", WRONG));

        FailureAnalysis analysis = new DeterministicAnalyzer().analyze("task", failures);

        assertThat(analysis.grouping()).isEqualTo(Grouping.DETERMINISTIC);
        assertThat(analysis.critiqued()).isZero();
        assertThat(analysis.modes())
                .extracting(FailureMode::label, FailureMode::count, FailureMode::examples)
                .containsExactly(
                        tuple("value: expected the number", 3, List.of("gsm-01", "gsm-02", "gsm-05")),
                        tuple("format: answer holds several numbers", 2, List.of("gsm-03", "gsm-04")));
        assertThat(analysis.modes().get(1).definition())
                .isEqualTo("Failed 'format' assertions whose message reads like: Expected the number #, but the"
                        + " answer holds several numbers […]");
        assertThat(analysis.modes().get(0).prevalence()).isEqualTo(0.6);
    }

    @Test
    void noFailuresGiveNoModes() {
        FailureAnalysis analysis = new DeterministicAnalyzer().analyze("task", List.of());
        assertThat(analysis.modes()).isEmpty();
        assertThat(analysis.grouping()).isEqualTo(Grouping.NONE);
    }
}
