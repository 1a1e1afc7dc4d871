package example;

import static dev.rpt.assertions.RptAssertions.assertThat;

import dev.rpt.core.eval.Answer;
import dev.rpt.junit.Case;
import dev.rpt.junit.Cases;
import dev.rpt.junit.PromptTest;
import dev.rpt.junit.Thresholds;
import dev.rpt.junit.Var;

@PromptTest(prompt = "prompts/arithmetic.prompt")
@Thresholds(minAccuracy = 0.6)
class ArithmeticPromptTests {

    @Cases("cases/arithmetic.jsonl")
    void solves(Answer answer, @Var("answer") String expected) {
        assertThat(answer).isNumericallyEqualTo(expected);
    }

    @Case(id = "unknown", vars = {"question=What is the airspeed of an unladen swallow?", "answer=24"})
    void unknown(Answer answer, @Var("answer") String expected) {
        assertThat(answer).isNumericallyEqualTo(expected);
    }
}
