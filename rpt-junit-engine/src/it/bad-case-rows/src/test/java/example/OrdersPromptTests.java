package example;

import dev.rpt.api.Answer;
import dev.rpt.api.Cases;
import dev.rpt.api.PromptTest;
import dev.rpt.api.Thresholds;

@PromptTest(prompt = "prompts/solver.prompt")
@Thresholds(minAccuracy = 0.0)
class OrdersPromptTests {

    @Cases("cases/orders.csv")
    void solves(Answer answer) {}
}
