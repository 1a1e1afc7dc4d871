package dev.rpt.assertions;

import static dev.rpt.assertions.RptAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.api.Answer;
import dev.rpt.api.Usage;
import dev.rpt.core.eval.AnswerAssertionError;
import dev.rpt.core.eval.FailureKind;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class AnswerAssertTests {

    @Test
    void numericEqualityExtractsTheOnlyNumber() {
        assertThatCode(() -> assertThat(answer("$1,200")).isNumericallyEqualTo("1200"))
                .doesNotThrowAnyException();
        assertThatCode(() -> assertThat(answer("18 dollars")).isNumericallyEqualTo(18))
                .doesNotThrowAnyException();
        assertThatCode(() -> assertThat(answer("3.14")).isNumericallyEqualTo("3.1416", 0.01))
                .doesNotThrowAnyException();
    }

    @Test
    void wrongNumberIsAValueFailureThatQuotesTheModel() {
        assertFails(() -> assertThat(answer("17").withConfidence(0.95)).isNumericallyEqualTo("18"), FailureKind.VALUE)
                .hasMessage("Expected the number 18, but the model answered \"17\" with confidence 0.95.");
    }

    @Test
    void severalNumbersIsAFormatFailure() {
        assertFails(
                        () -> assertThat(answer("After 3 days she has 18 dollars."))
                                .isNumericallyEqualTo("18"),
                        FailureKind.FORMAT)
                .hasMessageContaining("holds several numbers [3, 18]")
                .hasMessageContaining("no stated confidence");
    }

    @Test
    void aFailureCarriesItsPartsApartFromItsWording() {
        AnswerAssertionError several = (AnswerAssertionError) Assertions.catchThrowable(() ->
                assertThat(answer("3 apples, 18 pears").withConfidence(0.9)).isNumericallyEqualTo("18"));
        AnswerAssertionError wrong = (AnswerAssertionError) Assertions.catchThrowable(
                () -> assertThat(answer("17")).as("sum").isNumericallyEqualTo("18"));

        Assertions.assertThat(several.kind()).isEqualTo(FailureKind.FORMAT);
        Assertions.assertThat(several.expected()).contains("the number 18");
        Assertions.assertThat(several.problem()).contains("the answer holds several numbers [3, 18]");
        Assertions.assertThat(several.actual()).contains("3 apples, 18 pears");
        Assertions.assertThat(several.confidence()).hasValue(0.9);
        Assertions.assertThat(wrong.expected()).contains("the number 18");
        Assertions.assertThat(wrong.problem()).isEmpty();
        Assertions.assertThat(wrong.confidence()).isEmpty();
        Assertions.assertThat(wrong.withMessage("Case 'x': " + wrong.getMessage()))
                .hasMessageStartingWith("Case 'x': [sum] Expected the number 18")
                .satisfies(copy -> Assertions.assertThat(copy.expected()).contains("the number 18"));
    }

    @Test
    void noNumberIsAFormatFailure() {
        assertFails(() -> assertThat(answer("eighteen")).isNumericallyEqualTo("18"), FailureKind.FORMAT)
                .hasMessageContaining("holds no number");
    }

    @Test
    void blankAnswerIsMissing() {
        assertFails(() -> assertThat(answer("  ")).isEqualTo("x"), FailureKind.MISSING);
    }

    @Test
    void normalizedEqualityIgnoresCaseArticlesPunctuationAndSpaces() {
        assertThatCode(() -> assertThat(answer("  The  Eiffel tower. ")).isEqualToNormalized("eiffel Tower"))
                .doesNotThrowAnyException();
        assertFails(() -> assertThat(answer("Eiffel Tower")).isEqualTo("eiffel tower"), FailureKind.VALUE);
    }

    @Test
    void oneOfContainsAndRegex() {
        assertThatCode(() -> assertThat(answer("(B)")).isOneOf("(A)", "(B)").matches("\\([A-E]\\)"))
                .doesNotThrowAnyException();
        assertFails(() -> assertThat(answer("(C)")).isOneOf("(A)", "(B)"), FailureKind.VALUE);
        assertFails(() -> assertThat(answer("maybe B")).matches("\\([A-E]\\)"), FailureKind.FORMAT);
        assertFails(() -> assertThat(answer("Paris")).contains("London"), FailureKind.VALUE);
    }

    @Test
    void jsonAssertions() {
        Answer json = answer("{\"city\":\"Paris\",\"items\":[{\"n\":18}]}");

        assertThatCode(() -> assertThat(json).isValidJson().hasJsonValue("/items/0/n", "18"))
                .doesNotThrowAnyException();
        assertFails(() -> assertThat(json).hasJsonValue("/city", "Rome"), FailureKind.VALUE);
        assertFails(() -> assertThat(json).hasJsonValue("/country", "FR"), FailureKind.MISSING);
        assertFails(() -> assertThat(answer("{nope")).isValidJson(), FailureKind.FORMAT);
    }

    @Test
    void confidenceBounds() {
        Answer sure = answer("x").withConfidence(0.9);

        assertThatCode(() -> assertThat(sure).hasConfidenceAtLeast(0.5).hasConfidenceAtMost(0.95))
                .doesNotThrowAnyException();
        assertFails(() -> assertThat(sure).hasConfidenceAtMost(0.8), FailureKind.CONFIDENCE)
                .hasMessageContaining("confidence ≤ 0.8");
        assertFails(() -> assertThat(answer("x")).hasConfidence(), FailureKind.MISSING);
    }

    @Test
    void longAnswersAreQuotedByTheirStartAndTheirEndWhereAChainOfThoughtPutsItsAnswer() {
        String essay = "Let's think step by step. " + "word ".repeat(200) + "So the answer is (E).";

        assertFails(() -> assertThat(answer(essay)).isEqualTo("(B)"), FailureKind.VALUE)
                .satisfies(error -> Assertions.assertThat(error.getMessage())
                        .hasSizeLessThan(300)
                        .contains("but the model answered \"Let's think step by step. word")
                        .contains(" … word word")
                        .contains("So the answer is (E).\" with no stated confidence."));
    }

    @Test
    void descriptionPrefixesTheMessage() {
        assertFails(() -> assertThat(answer("1")).as("case q7").isEqualTo("2"), FailureKind.VALUE)
                .hasMessageStartingWith("[case q7] Expected");
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertFails(
            ThrowingCallable call, FailureKind kind) {
        return assertThatThrownBy(call)
                .isInstanceOf(AnswerAssertionError.class)
                .satisfies(error -> Assertions.assertThat(AnswerAssertionError.kindOf(error))
                        .isEqualTo(kind));
    }

    private static Answer answer(String text) {
        return Answer.ofText(text);
    }

    @Test
    void aReplyWithoutTheDeclaredAnswerIsAFormatFailureThatQuotesTheReply() {
        Answer unstated = new Answer(
                "",
                "The date is 01/03/1963. So the answer is (B)",
                OptionalDouble.empty(),
                Optional.empty(),
                List.of(),
                Usage.ZERO,
                false,
                true);

        assertFails(() -> assertThat(unstated).isEqualToIgnoringCase("(B)"), FailureKind.FORMAT)
                .hasMessage("Expected an answer (the reply does not state one where the prompt says it is), but the"
                        + " model replied \"The date is 01/03/1963. So the answer is (B)\" with no stated confidence.");
    }

    @Test
    void meetsPassesOnAMetCriterionAndFailsNamingTheCriterionTheProbabilityAndTheReason() {
        Answer judged = Answer.ofText("We refunded the money.")
                .withJudgements(List.of(
                        new dev.rpt.api.Judgement("refund", "Mentions the refund", 0.9, 0.5, "It says refunded."),
                        new dev.rpt.api.Judgement("apologises", "Apologises once", 0.2, 0.5, "It never apologises.")));

        assertThatCode(() -> assertThat(judged).meets("refund")).doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(judged).meets("apologises"))
                .isInstanceOfSatisfying(
                        AnswerAssertionError.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.kind())
                                .isEqualTo(FailureKind.CRITERION))
                .hasMessage("Expected an answer that apologises once (criterion 'apologises' is not met: the judge gave"
                        + " it 0.20, below 0.50, because It never apologises.), but the model answered \"We refunded"
                        + " the money.\" with no stated confidence.");
        assertThatThrownBy(() -> assertThat(judged).meetsAllCriteria())
                .hasMessageContaining("criterion 'apologises' is not met")
                .hasMessageNotContaining("criterion 'refund'");
        assertThatThrownBy(() -> assertThat(judged).meets("polite"))
                .hasMessageContaining("No criterion 'polite' was judged for this answer; the judged ones are"
                        + " [refund, apologises]");
        assertThatThrownBy(() -> assertThat(Answer.ofText("x")).meetsAllCriteria())
                .hasMessageStartingWith("The test declares no @Criterion");
    }
}
