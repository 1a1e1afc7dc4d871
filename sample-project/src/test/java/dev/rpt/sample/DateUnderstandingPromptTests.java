package dev.rpt.sample;

import static dev.rpt.assertions.RptAssertions.assertThat;

import dev.rpt.core.eval.Answer;
import dev.rpt.junit.CaseSplit;
import dev.rpt.junit.Cases;
import dev.rpt.junit.PromptTest;
import dev.rpt.junit.Thresholds;
import dev.rpt.junit.Var;

/** Multi-step reasoning about dates (BIG-Bench Hard): the answer is one of the lettered options. */
@PromptTest(prompt = "prompts/date-understanding.prompt")
@Thresholds(minAccuracy = 0.70, maxEce = 0.15)
class DateUnderstandingPromptTests {

    @Cases(value = "cases/bbh-date-understanding-tune.jsonl", split = CaseSplit.TUNE)
    @Cases(value = "cases/bbh-date-understanding-holdout.jsonl", split = CaseSplit.HOLDOUT)
    void picksTheRightOption(Answer answer, @Var("answer") String expected) {
        assertThat(answer).isEqualToNormalized(expected);
    }
}
