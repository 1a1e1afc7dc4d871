package example;

import static dev.rpt.assertions.RptAssertions.assertThat;

import dev.rpt.api.Answer;
import dev.rpt.api.Cases;
import dev.rpt.api.PromptTest;
import dev.rpt.api.Thresholds;
import dev.rpt.api.Var;

@PromptTest(prompt = "prompts/math.prompt")
@Thresholds(minAccuracy = 0.5, maxEce = 0.3)
class MathPromptTests {

    @Cases("cases/gsm8k-24.jsonl")
    void solves(Answer answer, @Var("answer") String expected) {
        assertThat(answer).isNumericallyEqualTo(expected);
    }
}
