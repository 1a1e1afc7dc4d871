/**
 * What users write: prompt test classes annotated with {@link dev.rpt.api.PromptTest}, whose methods take the
 * model's {@link dev.rpt.api.Answer} for each case and assert on it.
 *
 * <pre>{@code
 * @PromptTest(prompt = "prompts/math-solver.prompt")
 * @Thresholds(minAccuracy = 0.80, maxEce = 0.10)
 * class MathSolverPromptTests {
 *     @Cases("cases/gsm8k-tune.jsonl")
 *     void solves(Answer answer, @Var("answer") String expected) {
 *         assertThat(answer).isNumericallyEqualTo(expected);
 *     }
 * }
 * }</pre>
 */
package dev.rpt.api;
