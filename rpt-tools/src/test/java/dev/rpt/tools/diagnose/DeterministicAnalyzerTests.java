package dev.rpt.tools.diagnose;

import static dev.rpt.tools.diagnose.Fixtures.asserted;
import static dev.rpt.tools.diagnose.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.rpt.api.Answer;
import dev.rpt.assertions.RptAssertions;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterministicAnalyzerTests {

    @Test
    void labelsTheRealAssertionsFailuresByKindAndWhatTheyRecord() {
        assertThat(MessagePattern.label(asserted(
                        "a",
                        () -> RptAssertions.assertThat(Answer.ofText("3 apples and 18 pears"))
                                .isNumericallyEqualTo("18"))))
                .isEqualTo("format: answer holds several numbers");
        assertThat(MessagePattern.label(asserted(
                        "a", () -> RptAssertions.assertThat(Answer.ofText("17")).isNumericallyEqualTo("18"))))
                .isEqualTo("value: expected the number");
        assertThat(MessagePattern.label(asserted(
                        "a",
                        () -> RptAssertions.assertThat(Answer.ofText("Lyon"))
                                .as("capital")
                                .isEqualTo("Paris"))))
                .isEqualTo("value: expected answer equal to");
        assertThat(MessagePattern.label(asserted(
                        "a",
                        () -> RptAssertions.assertThat(Answer.ofText("4").withConfidence(0.31))
                                .hasConfidenceAtLeast(0.8))))
                .isEqualTo("confidence: expected confidence ≥");
    }

    @Test
    void labelsAPlainAssertionByItsMessageWhateverItsWording() {
        assertThat(MessagePattern.label(failure("a", "other", "expected: 4 but was: 5")))
                .isEqualTo("other: expected: but was");
        assertThat(MessagePattern.label(failure("a", "other", ""))).isEqualTo("other: no message");
    }

    @Test
    void theTemplateTakesNumbersQuotesListsAndIdsOut() {
        assertThat(MessagePattern.template("Case gsm-03 got \"forty two\" instead of 42.5 from [1, 2] in 3f9a2c7d11"))
                .isEqualTo("Case <id> got \"…\" instead of # from […] in <id>");
        assertThat(MessagePattern.template("Expected the number 18")).isEqualTo("Expected the number #");
    }

    @Test
    void groupsFailuresThatDifferOnlyInTheirData() {
        List<FailedCase> failures = List.of(
                asserted(
                        "gsm-01",
                        () -> RptAssertions.assertThat(Answer.ofText("17")).isNumericallyEqualTo("18")),
                asserted(
                        "gsm-02",
                        () -> RptAssertions.assertThat(Answer.ofText("9").withConfidence(0.99))
                                .isNumericallyEqualTo("7")),
                asserted(
                        "gsm-03",
                        () -> RptAssertions.assertThat(Answer.ofText("3 apples and 18 pears"))
                                .isNumericallyEqualTo("18")),
                asserted(
                        "gsm-04",
                        () -> RptAssertions.assertThat(
                                        Answer.ofText("1 then 2.5 then 4").withConfidence(0.80))
                                .isNumericallyEqualTo("2.5")),
                asserted(
                        "gsm-05",
                        () -> RptAssertions.assertThat(Answer.ofText("17")).isNumericallyEqualTo("18")));

        FailureAnalysis analysis = new DeterministicAnalyzer().analyze("task", failures);

        assertThat(analysis.grouping()).isEqualTo(Grouping.DETERMINISTIC);
        assertThat(analysis.critiqued()).isZero();
        assertThat(analysis.modes())
                .extracting(FailureMode::label, FailureMode::count, FailureMode::examples)
                .containsExactly(
                        tuple("value: expected the number", 3, List.of("gsm-01", "gsm-02", "gsm-05")),
                        tuple("format: answer holds several numbers", 2, List.of("gsm-03", "gsm-04")));
        assertThat(analysis.modes().get(1).definition())
                .isEqualTo("Failed 'format' assertions that read like: the answer holds several numbers […]");
        assertThat(analysis.modes().get(0).prevalence()).isEqualTo(0.6);
    }

    @Test
    void noFailuresGiveNoModes() {
        FailureAnalysis analysis = new DeterministicAnalyzer().analyze("task", List.of());
        assertThat(analysis.modes()).isEmpty();
        assertThat(analysis.grouping()).isEqualTo(Grouping.NONE);
    }
}
