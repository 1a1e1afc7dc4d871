package example;

import dev.rpt.api.Answer;
import dev.rpt.api.Cases;
import dev.rpt.api.PromptTest;
import dev.rpt.api.Thresholds;

@PromptTest(prompt = "prompts/solver.prompt")
@Thresholds(minAccuracy = 0.5)
class OrdersPromptTests {

    @Cases("cases/arithmetic.jsonl")
    void solves(Answer answer) {}
}
