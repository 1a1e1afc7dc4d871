package dev.rpt.core.model.anthropic;

import dev.rpt.chat.ResponseFormat;

/**
 * Structured output on Anthropic: a {@link ResponseFormat} becomes a tool named after the format whose {@code
 * input_schema} is the format's schema; forcing that tool makes the model's tool input the structured answer, which
 * is handed back as the response text.
 *
 * <p>Why a forced tool and not the native {@code output_config.format} ({@code {type: "json_schema", schema}}),
 * which the Messages API and the official SDKs now carry without a beta header ({@code OutputConfig} with a {@code
 * JSONOutputFormat}): the native field is honoured only by recent models and refused by older ones and by many
 * Anthropic-compatible gateways, while a forced tool works on every Claude model that calls tools. Only extended
 * thinking, which allows no forced tool, uses the native field ({@code rpt.anthropic.thinking-budget}).
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
