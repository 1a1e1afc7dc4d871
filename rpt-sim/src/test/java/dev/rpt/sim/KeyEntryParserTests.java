package dev.rpt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.sim.KeyEntry.WorkedStep;
import org.junit.jupiter.api.Test;

class KeyEntryParserTests {

    @Test
    void gsm8kAnswerGivesFinalAnswerAndOneStepPerAnnotation() {
        KeyEntry entry = KeyEntryParser.parse(
                "Janet's ducks lay 16 eggs per day.  She eats three.",
                "Janet sells 16 - 3 - 4 = <<16-3-4=9>>9 duck eggs a day.\n"
                        + "She makes 9 * 2 = $<<9*2=18>>18 every day.\n#### 18");

        assertThat(entry.answer()).isEqualTo("18");
        assertThat(entry.steps()).isEqualTo(2);
        assertThat(entry.workedSteps()).containsExactly(new WorkedStep("16-3-4", "9"), new WorkedStep("9*2", "18"));
        assertThat(entry.question()).isEqualTo("janet's ducks lay 16 eggs per day. she eats three.");
    }

    @Test
    void gsm8kAnswerWithoutAnnotationsCountsReasoningLines() {
        KeyEntry entry = KeyEntryParser.parse("How many?", "First line.\n\nSecond line.\nThird.\n#### 7");

        assertThat(entry.steps()).isEqualTo(3);
        assertThat(entry.workedSteps()).isEmpty();
    }

    @Test
    void bbhTargetCountsSentencesBeforeTheOptions() {
        KeyEntry entry = KeyEntryParser.parse(
                "The owl is the leftmost. The robin is left of the raven. Which is rightmost?\n"
                        + "Options:\n(A) The quail is the rightmost.\n(B) The owl is the rightmost.",
                "(A)");

        assertThat(entry.answer()).isEqualTo("(A)");
        assertThat(entry.steps()).isEqualTo(3);
    }

    @Test
    void expressionWithoutSentencesIsOneStep() {
        assertThat(KeyEntryParser.parse("not ( True ) and ( True ) is", "False").steps())
                .isEqualTo(1);
    }

    @Test
    void unitQuestionsSlipBySixtyForTimeAndByAHundredOtherwise() {
        assertThat(KeyEntryParser.unitFactor("it takes 3 hours to drive")).isEqualTo(60);
        assertThat(KeyEntryParser.unitFactor("a rope of 5 meters")).isEqualTo(100);
        assertThat(KeyEntryParser.unitFactor("she earns 5 dollars per day")).isEqualTo(100);
        assertThat(KeyEntryParser.unitFactor("a program with 5 gramophones")).isZero();
        assertThat(KeyEntryParser.unitFactor("he has 5 apples")).isZero();
    }
}
