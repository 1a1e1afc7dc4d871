package dev.rpt.tools.tune;

import dev.rpt.chat.JsonSchema;
import dev.rpt.chat.ToolDefinition;
import java.util.List;

/** The functions the optimizer calls. Their names and schemas are part of the documented protocol. */
final class OptimizerTools {

    static final String EVALUATE = "evaluate_prompt";
    static final String INSPECT = "inspect_failures";
    static final String DECIDE = "decide";

    static final List<ToolDefinition> ALL = List.of(
            new ToolDefinition(
                    EVALUATE,
                    "Run the prompt tests on the optimization cases with this candidate prompt and return a diagnostic"
                            + " report: metrics, calibration, recurring failure modes, and deltas against earlier"
                            + " reports. Call it once per iteration, before deciding.",
                    new JsonSchema("{\"type\":\"object\",\"properties\":{\"system\":{\"type\":\"string\"},"
                            + "\"user\":{\"type\":\"string\"}},\"required\":[\"system\",\"user\"],"
                            + "\"additionalProperties\":false}"),
                    true),
            new ToolDefinition(
                    INSPECT,
                    "Return example traces (variables, answer, confidence, justification, failure) of one failure"
                            + " mode of the latest evaluation.",
                    new JsonSchema("{\"type\":\"object\",\"properties\":{\"mode\":{\"type\":\"string\"},"
                            + "\"limit\":{\"type\":\"integer\"}},\"required\":[\"mode\",\"limit\"],"
                            + "\"additionalProperties\":false}"),
                    true),
            new ToolDefinition(
                    DECIDE,
                    "Decide after an evaluation: PATCH with the full new system and/or user section texts, a"
                            + " rationale and the failure modes the patch targets; or STOP with a reason.",
                    new JsonSchema("{\"type\":\"object\",\"properties\":{"
                            + "\"decision\":{\"type\":\"string\",\"enum\":[\"PATCH\",\"STOP\"]},"
                            + "\"system\":{\"type\":\"string\"},\"user\":{\"type\":\"string\"},"
                            + "\"rationale\":{\"type\":\"string\"},"
                            + "\"targets\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
                            + "\"reason\":{\"type\":\"string\"}},"
                            + "\"required\":[\"decision\",\"rationale\",\"targets\"],\"additionalProperties\":false}"),
                    false));

    static final String CONTROLLER = """
            You are the controller of Reflective Prompt Tuning. You improve a prompt template for a target model.
            Work in iterations. In each iteration:
            1. Call evaluate_prompt with the candidate's full system and user section texts. It runs the prompt tests
               on the optimization cases and returns a diagnostic report: metrics (accuracy with its interval, ECE,
               Brier), calibration (overconfident wrong answers, reliability bins), the recurring failure modes with
               definitions and example case ids, deltas against the previous and the best report, the non-improving
               streak, and whether earlier patches shrank the modes they targeted.
            2. Optionally call inspect_failures to read example traces of one failure mode.
            3. Call decide: PATCH with the new full section texts, the failure modes the patch targets and your
               rationale; or STOP when the goals are met or no further improvement is likely.
            Rules: keep every {{placeholder}} the prompt uses, and add no new ones. Edit the instructions, not the
            variables. Target the most prevalent failure modes first. Ask for calibrated confidence when the model is
            overconfident. Do not overfit to single examples: the final prompt is selected on held-out cases you
            never see.""";

    private OptimizerTools() {}
}
