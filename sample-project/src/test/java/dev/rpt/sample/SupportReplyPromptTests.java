package dev.rpt.sample;

import static dev.rpt.assertions.RptAssertions.assertThat;

import dev.rpt.api.Answer;
import dev.rpt.api.Cases;
import dev.rpt.api.Criterion;
import dev.rpt.api.PromptTest;
import dev.rpt.api.Split;
import dev.rpt.api.Thresholds;

/**
 * Open-ended replies to customers: no single right string, so a judge model grades each reply against two criteria.
 * Some cases carry human verdicts (columns named after the criteria), against which the judge is measured.
 */
@PromptTest(prompt = "prompts/support-reply.prompt")
@Thresholds(minAccuracy = 0.80)
@Criterion(id = "apologises", value = "Apologises with \"sorry\"")
@Criterion(id = "mentions-amount", value = "Mentions the refund amount \"{{amount}}\"")
class SupportReplyPromptTests {

    @Cases(value = "cases/support-replies-tune.jsonl", split = Split.TUNE)
    @Cases(value = "cases/support-replies-holdout.jsonl", split = Split.HOLDOUT)
    void repliesToTheCustomer(Answer answer) {
        assertThat(answer).meetsAllCriteria();
    }
}
