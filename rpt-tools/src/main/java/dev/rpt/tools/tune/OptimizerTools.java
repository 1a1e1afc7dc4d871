package dev.rpt.tools.tune;

import dev.rpt.chat.JsonSchema;
import dev.rpt.chat.ToolDefinition;
import dev.rpt.core.protocol.OptimizerFunctions;
import dev.rpt.prompt.PromptFile;
import java.util.ArrayList;
import java.util.List;

/** The functions the optimizer calls. Their names and schemas are part of the documented protocol. */
final class OptimizerTools {

    static final String EVALUATE = OptimizerFunctions.EVALUATE;
    static final String INSPECT = OptimizerFunctions.INSPECT;
    static final String DECIDE = OptimizerFunctions.DECIDE;
    static final String EXAMPLES = OptimizerFunctions.EXAMPLES;

    /** The {@code examples} argument of evaluate_prompt and decide: case ids, null to keep the current ones. */
    private static final String EXAMPLES_PROPERTY =
            "\"examples\":{\"type\":[\"array\",\"null\"],\"items\":{\"type\":\"string\"}}";

    static final List<ToolDefinition> ALL = List.of(
            new ToolDefinition(
                    EVALUATE,
                    "Run the prompt tests on the optimization cases with this candidate prompt and return a diagnostic"
                            + " report: metrics, calibration, recurring failure modes, and deltas against earlier"
                            + " reports. Call it once per iteration, before deciding. 'examples' lists the case ids to"
                            + " show as worked examples (from list_examples); null keeps the current ones, [] removes"
                            + " them.",
                    new JsonSchema("{\"type\":\"object\",\"properties\":{\"system\":{\"type\":\"string\"},"
                            + "\"user\":{\"type\":\"string\"}," + EXAMPLES_PROPERTY + "},"
                            + "\"required\":[\"system\",\"user\",\"examples\"],\"additionalProperties\":false}"),
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
                            + "\"reason\":{\"type\":\"string\"}," + EXAMPLES_PROPERTY + "},"
                            + "\"required\":[\"decision\",\"rationale\",\"targets\"],\"additionalProperties\":false}"),
                    false),
            new ToolDefinition(
                    EXAMPLES,
                    "List optimization cases the latest candidate answered correctly, with their input and answer:"
                            + " the only cases you may show as worked examples. Pass chosen ids as 'examples' to"
                            + " evaluate_prompt or decide.",
                    new JsonSchema("{\"type\":\"object\",\"properties\":{\"limit\":{\"type\":\"integer\"},"
                            + "\"offset\":{\"type\":\"integer\"}},\"required\":[\"limit\",\"offset\"],"
                            + "\"additionalProperties\":false}"),
                    true));

    /**
     * The {@code tool_descriptions} argument of evaluate_prompt and decide, offered for a prompt that declares tools:
     * new descriptions by tool name; null keeps the current ones. Names and input schemas cannot change.
     */
    private static final String TOOL_DESCRIPTIONS_PROPERTY = "\"tool_descriptions\":{\"type\":[\"array\",\"null\"],"
            + "\"items\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
            + "\"description\":{\"type\":\"string\"}},\"required\":[\"name\",\"description\"],"
            + "\"additionalProperties\":false}}";

    /**
     * The functions offered for a seed: {@link #ALL}, and for a prompt that declares tools, evaluate_prompt and decide
     * with {@code tool_descriptions}, so that the optimizer can rewrite what the model reads about each tool.
     */
    static List<ToolDefinition> forPrompt(PromptFile seed) {
        if (seed.frontMatter().tools().tools().isEmpty()) {
            return ALL;
        }
        List<ToolDefinition> tools = new ArrayList<>();
        for (ToolDefinition tool : ALL) {
            if (tool.name().equals(EVALUATE) || tool.name().equals(DECIDE)) {
                String schema = tool.parameters().json();
                schema = schema.replace(EXAMPLES_PROPERTY, EXAMPLES_PROPERTY + "," + TOOL_DESCRIPTIONS_PROPERTY);
                if (tool.name().equals(EVALUATE)) {
                    // Strict mode needs every property required; null keeps the current descriptions.
                    schema = schema.replace("\"examples\"]", "\"examples\",\"tool_descriptions\"]");
                }
                tools.add(new ToolDefinition(
                        tool.name(),
                        tool.description() + " 'tool_descriptions' rewrites the descriptions of the prompt's declared"
                                + " tools (name and new description); null keeps the current ones. A tool's name and"
                                + " input schema are the application's contract and cannot change.",
                        new JsonSchema(schema),
                        tool.strict()));
            } else {
                tools.add(tool);
            }
        }
        return List.copyOf(tools);
    }

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
            Worked examples: list_examples offers optimization cases the latest candidate answered correctly. Pass
            their ids as 'examples' and rpt writes them into a block at the end of the system section (it owns that
            block: edits inside it are replaced). Use few, varied examples; a case used as an example is left out of
            that candidate's scores.
            Rules: keep every {{placeholder}} the prompt uses, and add no new ones. Never quote the cases yourself. Edit the instructions, not the
            variables. Target the most prevalent failure modes first. Ask for calibrated confidence when the model is
            overconfident. Do not overfit to single examples: the final prompt is selected on held-out cases you
            never see.""";

    private OptimizerTools() {}
}
