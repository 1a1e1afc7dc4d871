package ${package};

import static dev.rpt.assertions.RptAssertions.assertThat;

import dev.rpt.api.Answer;
import dev.rpt.api.Cases;
import dev.rpt.api.PromptTest;
import dev.rpt.api.Split;
import dev.rpt.api.Thresholds;
import dev.rpt.api.Var;

/**
 * The prompt's tests: one test per case, and the class judged as a whole by its thresholds (a wrong answer is
 * reported, not fatal). The tune cases are what rpt:tune optimizes on; the held-out ones decide what it adopts.
 */
@PromptTest(prompt = "prompts/math-solver.prompt")
@Thresholds(minAccuracy = 0.60, maxEce = 0.20)
class MathSolverPromptTests {

    @Cases(value = "cases/gsm8k-tune.jsonl", split = Split.TUNE)
    @Cases(value = "cases/gsm8k-holdout.jsonl", split = Split.HOLDOUT)
    void solves(Answer answer, @Var("answer") String expected) {
        assertThat(answer).isNumericallyEqualTo(expected);
    }
}
