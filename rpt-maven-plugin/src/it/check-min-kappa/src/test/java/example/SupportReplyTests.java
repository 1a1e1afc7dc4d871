package example;

import static dev.rpt.assertions.RptAssertions.assertThat;

import dev.rpt.api.Answer;
import dev.rpt.api.Cases;
import dev.rpt.api.Criterion;
import dev.rpt.api.PromptTest;
import dev.rpt.api.Thresholds;

@PromptTest(prompt = "prompts/support-reply.prompt")
@Thresholds(minAccuracy = 0.3, minKappa = 0.6)
@Criterion(id = "apologises", value = "Apologises with \"sorry\"")
class SupportReplyTests {

    @Cases("cases/support-replies.jsonl")
    void replies(Answer answer) {
        assertThat(answer).meetsAllCriteria();
    }
}
