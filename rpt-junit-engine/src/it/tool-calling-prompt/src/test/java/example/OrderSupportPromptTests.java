package example;

import static dev.rpt.assertions.RptAssertions.assertThat;

import dev.rpt.api.Answer;
import dev.rpt.api.Cases;
import dev.rpt.api.PromptTest;
import dev.rpt.api.Var;
import dev.rpt.assertions.TrajectoryMatch;

@PromptTest(prompt = "prompts/order-support.prompt")
class OrderSupportPromptTests {

    @Cases("cases/order-calls.jsonl")
    void callsTheRightTool(Answer answer, @Var("tool") String tool, @Var("arguments") String arguments) {
        if (tool.isEmpty()) {
            assertThat(answer).calledNoTool();
        } else {
            assertThat(answer).calledTool(tool, arguments);
        }
    }

    @Cases("cases/order-status.jsonl")
    void answersFromTheLookup(Answer answer, @Var("status") String status) {
        assertThat(answer)
                .hasToolTrajectory(TrajectoryMatch.STRICT, "lookup_order")
                .contains(status);
    }
}
