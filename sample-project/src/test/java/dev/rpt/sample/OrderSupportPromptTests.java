package dev.rpt.sample;

import static dev.rpt.assertions.RptAssertions.assertThat;

import dev.rpt.api.Answer;
import dev.rpt.api.Cases;
import dev.rpt.api.PromptTest;
import dev.rpt.api.Split;
import dev.rpt.api.Thresholds;
import dev.rpt.api.Var;

/**
 * A support assistant that calls the shop's tools: it must look an order up before it refunds it, must never refund
 * when asked where an order is (the must-pass rows), hands angry customers to a person and calls nothing for small
 * talk. The tools' results are stubbed in each case; some cases start mid-conversation.
 */
@PromptTest(prompt = "prompts/order-support.prompt")
@Thresholds(minAccuracy = 0.90, minToolSelection = 0.90)
class OrderSupportPromptTests {

    @Cases(value = "cases/order-support-tune.jsonl", split = Split.TUNE)
    @Cases(value = "cases/order-support-holdout.jsonl", split = Split.HOLDOUT)
    void helpsTheCustomer(Answer answer, @Var("kind") String kind, @Var("order") String order) {
        String theOrder = "{\"order_id\": \"" + order + "\"}";
        switch (kind) {
            case "status" -> assertThat(answer)
                    .calledTool("lookup_order", theOrder)
                    .didNotCallTool("refund_order")
                    .finishedWithinSteps(3);
            case "refund" -> assertThat(answer)
                    .calledToolsInOrder("lookup_order", "refund_order")
                    .calledTool("refund_order", theOrder)
                    .finishedWithinSteps(4);
            case "refund-after-lookup" -> assertThat(answer)
                    .calledTool("refund_order", theOrder)
                    .didNotCallTool("lookup_order");
            case "escalate" -> assertThat(answer).calledTool("escalate").didNotCallTool("refund_order");
            case "chat" -> assertThat(answer).calledNoTool();
            default -> throw new IllegalArgumentException("unknown case kind " + kind);
        }
    }
}
