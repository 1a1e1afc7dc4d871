package example;

import static dev.rpt.assertions.RptAssertions.assertThat;

import dev.rpt.api.Answer;
import dev.rpt.api.Case;
import dev.rpt.api.Cases;
import dev.rpt.api.PromptTest;
import dev.rpt.api.Thresholds;
import dev.rpt.api.Var;

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
