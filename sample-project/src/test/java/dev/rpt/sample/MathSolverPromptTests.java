package dev.rpt.sample;

import static dev.rpt.assertions.RptAssertions.assertThat;

import dev.rpt.core.eval.Answer;
import dev.rpt.junit.CaseSplit;
import dev.rpt.junit.Cases;
import dev.rpt.junit.PromptTest;
import dev.rpt.junit.Thresholds;
import dev.rpt.junit.Var;

/** The math solver must get GSM8K problems right, and know when it might be wrong. */
@PromptTest(prompt = "prompts/math-solver.prompt")
@Thresholds(minAccuracy = 0.75, maxEce = 0.15)
class MathSolverPromptTests {

    @Cases(value = "cases/gsm8k-tune.jsonl", split = CaseSplit.TUNE)
    @Cases(value = "cases/gsm8k-holdout.jsonl", split = CaseSplit.HOLDOUT)
    void solves(Answer answer, @Var("answer") String expected) {
        assertThat(answer).isNumericallyEqualTo(expected);
    }
}
