package dev.rpt.sample;

import static dev.rpt.assertions.RptAssertions.assertThat;

import dev.rpt.api.Answer;
import dev.rpt.api.Split;
import dev.rpt.api.Cases;
import dev.rpt.api.PromptTest;
import dev.rpt.api.Thresholds;
import dev.rpt.api.Var;

/** The math solver must get GSM8K problems right, and know when it might be wrong. */
@PromptTest(prompt = "prompts/math-solver.prompt")
@Thresholds(minAccuracy = 0.75, maxEce = 0.15)
class MathSolverPromptTests {

    @Cases(value = "cases/gsm8k-tune.jsonl", split = Split.TUNE)
    @Cases(value = "cases/gsm8k-holdout.jsonl", split = Split.HOLDOUT)
    void solves(Answer answer, @Var("answer") String expected) {
        assertThat(answer).isNumericallyEqualTo(expected);
    }
}
