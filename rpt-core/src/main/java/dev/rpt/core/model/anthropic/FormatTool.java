package dev.rpt.core.model.anthropic;

import dev.rpt.chat.ResponseFormat;

/**
 * Structured output on Anthropic. API version 2023-06-01 has no {@code response_format}, so a {@link ResponseFormat}
 * becomes a tool named after the format whose {@code input_schema} is the format's schema; forcing that tool makes
 * the model's tool input the structured answer, which is handed back as the response text.
 *
 * @param name the tool name, equal to {@link ResponseFormat#name()}
 * @param schemaJson the JSON Schema text of the answer
 */
record FormatTool(String name, String schemaJson) {

    /** Tells the model that calling the tool is how it answers, not an action with side effects. */
    static final String DESCRIPTION =
            "Give your final answer by calling this tool. Its input is your answer, in the required structure.";

    static FormatTool of(ResponseFormat format) {
        return new FormatTool(format.name(), format.schema().json());
    }
}
