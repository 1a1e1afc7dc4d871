package dev.rpt.sample;

import static dev.rpt.assertions.RptAssertions.assertThat;

import dev.rpt.api.Answer;
import dev.rpt.api.Split;
import dev.rpt.api.Cases;
import dev.rpt.api.PromptTest;
import dev.rpt.api.Thresholds;
import dev.rpt.api.Var;

/** Multi-step reasoning about dates (BIG-Bench Hard): the answer is one of the lettered options. */
@PromptTest(prompt = "prompts/date-understanding.prompt")
@Thresholds(minAccuracy = 0.70, maxEce = 0.15)
class DateUnderstandingPromptTests {

    @Cases(value = "cases/bbh-date-understanding-tune.jsonl", split = Split.TUNE)
    @Cases(value = "cases/bbh-date-understanding-holdout.jsonl", split = Split.HOLDOUT)
    void picksTheRightOption(Answer answer, @Var("answer") String expected) {
        assertThat(answer).isEqualToNormalized(expected);
    }
}
