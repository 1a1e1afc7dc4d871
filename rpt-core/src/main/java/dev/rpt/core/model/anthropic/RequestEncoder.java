package dev.rpt.core.model.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.ToolChoice;
import dev.rpt.chat.ToolDefinition;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.model.http.StrictSchemas;
import java.util.Locale;

/**
 * Writes a {@link ChatRequest} as a Messages API body. Fields always appear in one fixed order ({@code model,
 * max_tokens, system, messages, tools, tool_choice, temperature, thinking, output_config}) and unset ones are left
 * out, so equal requests give byte-identical bodies.
 *
 * <p>A response format goes out as the native {@code output_config.format} unless {@code
 * rpt.anthropic.structured-output=tool} asks for {@link FormatTool}, a forced tool call. Tools go out with {@code
 * strict: true} (unless {@code rpt.anthropic.strict-tools=false}), their schemas closed as Anthropic's strict mode
 * wants; a schema that cannot be closed goes out without {@code strict}. While the model thinks ({@code thinking}
 * adaptive or with a budget) the API allows no forced tool and no temperature, so such a request fails before it is
 * sent, naming the key to change. {@code seed}, log-probabilities and {@code sampleIndex} are never sent: the API has
 * no seed or logprobs, and the sample index only keys the cache.
 */
final class RequestEncoder {

    /** The API requires {@code max_tokens}; this is used when the request leaves it unset. */
    static final int DEFAULT_MAX_TOKENS = 1024;

    private RequestEncoder() {}

    /**
     * An encoded body.
     *
     * @param json the body text
     * @param formatTool the forced tool standing in for the response format, or null
     */
    record Encoded(String json, FormatTool formatTool) {}

    static Encoded encode(String model, ChatRequest request) {
        return encode(model, request, AnthropicOptions.DEFAULTS);
    }

    static Encoded encode(String model, ChatRequest request, AnthropicOptions options) {
        if (options.thinks()) {
            requireThinkable(request, options);
        }
        FormatTool formatTool = request.responseFormat() == null
                        || options.structuredOutput() == AnthropicOptions.StructuredOutput.NATIVE
                ? null
                : FormatTool.of(request.responseFormat());
        ConversationEncoder.Conversation conversation = ConversationEncoder.encode(request.messages());

        ObjectNode body = AnthropicJson.MAPPER.createObjectNode();
        body.put("model", model);
        body.put("max_tokens", request.maxTokens() != null ? request.maxTokens() : DEFAULT_MAX_TOKENS);
        if (conversation.system() != null) {
            body.put("system", conversation.system());
        }
        body.set("messages", conversation.messages());
        ArrayNode tools = tools(request, formatTool, options.strictTools());
        if (!tools.isEmpty()) {
            body.set("tools", tools);
        }
        ObjectNode toolChoice = toolChoice(request, formatTool);
        if (Boolean.FALSE.equals(request.parallelToolCalls())) {
            // Anthropic says it on the tool choice (anthropic-sdk-python types/tool_choice_auto_param.py): one tool
            // use per turn. With no choice set, the default one, auto, carries it.
            toolChoice = toolChoice == null ? choice("auto", null) : toolChoice;
            if (!toolChoice.path("type").asText().equals("none")) {
                toolChoice.put("disable_parallel_tool_use", true);
            }
        }
        if (toolChoice != null) {
            body.set("tool_choice", toolChoice);
        }
        if (request.temperature() != null) {
            if (request.temperature() > 1) {
                // Anthropic's range is 0 to 1; a higher value is a 400 on every call. Say so before sending any.
                throw new ConfigException("Anthropic accepts a temperature from 0 to 1, and this request asks for "
                        + request.temperature() + ". Set rpt.temperature (or the critic's or optimizer's) to 1 or"
                        + " less, or to none to use the model's default.");
            }
            body.put("temperature", request.temperature());
        }
        thinking(body, request, options, formatTool);
        return new Encoded(AnthropicJson.write(body), formatTool);
    }

    /** The {@code thinking} object and {@code output_config} (the effort, a native format), as the options say. */
    private static void thinking(
            ObjectNode body, ChatRequest request, AnthropicOptions options, FormatTool formatTool) {
        switch (options.thinking()) {
            case ADAPTIVE -> body.putObject("thinking").put("type", "adaptive");
            case BUDGET -> {
                ObjectNode config = body.putObject("thinking");
                config.put("type", "enabled");
                config.put("budget_tokens", options.thinkingBudget());
            }
            case OFF -> {}
        }
        boolean nativeFormat = request.responseFormat() != null && formatTool == null;
        if (options.effort().isPresent() || nativeFormat) {
            ObjectNode outputConfig = body.putObject("output_config");
            options.effort().ifPresent(effort -> outputConfig.put("effort", effort));
            if (nativeFormat) {
                ObjectNode format = outputConfig.putObject("format");
                format.put("type", "json_schema");
                format.set(
                        "schema",
                        StrictSchemas.adapt(
                                        AnthropicJson.parseObject(
                                                request.responseFormat()
                                                        .schema()
                                                        .json(),
                                                "The schema of response format "
                                                        + request.responseFormat()
                                                                .name()),
                                        StrictSchemas.Rules.ANTHROPIC)
                                .schema());
            }
        }
    }

    /** What thinking does not allow, as one error naming the key to change. */
    private static void requireThinkable(ChatRequest request, AnthropicOptions options) {
        String mode = RptConstants.ANTHROPIC_THINKING + "="
                + options.thinking().name().toLowerCase(Locale.ROOT);
        if (request.temperature() != null) {
            throw new ConfigException("Anthropic's models take no temperature while they think (" + mode + "): set"
                    + " rpt.temperature=none, or turn thinking off with " + RptConstants.ANTHROPIC_THINKING + "=off.");
        }
        int budget = options.thinkingBudget();
        int maxTokens = request.maxTokens() != null ? request.maxTokens() : DEFAULT_MAX_TOKENS;
        if (options.thinking() == AnthropicOptions.Thinking.BUDGET && maxTokens <= budget) {
            throw new ConfigException("The output limit (" + maxTokens + " tokens) must exceed the thinking budget ("
                    + RptConstants.ANTHROPIC_THINKING_BUDGET + "=" + budget + "), which it includes: raise"
                    + " rpt.max-tokens above " + budget + ".");
        }
        ToolChoice choice = request.toolChoice();
        if (choice instanceof ToolChoice.Function
                || (choice instanceof ToolChoice.Mode forced && forced.value().equals("required"))) {
            throw new ConfigException("Anthropic allows no forced tool call while the model thinks (" + mode + "), and"
                    + " this request forces one (the tuner's optimizer does): turn thinking off for that role, e.g."
                    + " rpt.tune.optimizer.anthropic.thinking=off.");
        }
    }

    private static ArrayNode tools(ChatRequest request, FormatTool formatTool, boolean strict) {
        ArrayNode tools = AnthropicJson.MAPPER.createArrayNode();
        for (ToolDefinition tool : request.tools()) {
            if (formatTool != null && tool.name().equals(formatTool.name())) {
                throw new IllegalArgumentException("The response format " + formatTool.name()
                        + " has the same name as a tool. On Anthropic structured output is a tool named after the"
                        + " format: rename the format or the tool.");
            }
            tools.add(tool(tool.name(), tool.description(), tool.parameters().json(), strict));
        }
        if (formatTool != null) {
            tools.add(tool(formatTool.name(), FormatTool.DESCRIPTION, formatTool.schemaJson(), strict));
        }
        return tools;
    }

    /**
     * A tool; strict when asked and its schema can be closed (Anthropic's strict tools want every object closed),
     * else without {@code strict}: the model is then asked, not held, to follow the schema, as before strict tools.
     */
    private static ObjectNode tool(String name, String description, String schemaJson, boolean strict) {
        ObjectNode tool = AnthropicJson.MAPPER.createObjectNode();
        tool.put("name", name);
        tool.put("description", description);
        JsonNode schema = AnthropicJson.parseObject(schemaJson, "The input schema of tool " + name);
        StrictSchemas.Adapted adapted = strict ? StrictSchemas.adapt(schema, StrictSchemas.Rules.ANTHROPIC) : null;
        boolean sentStrict = adapted != null && adapted.notStrict().isEmpty();
        tool.set("input_schema", sentStrict ? adapted.schema() : schema);
        if (sentStrict) {
            tool.put("strict", true);
        }
        return tool;
    }

    private static ObjectNode toolChoice(ChatRequest request, FormatTool formatTool) {
        ToolChoice choice = request.toolChoice();
        if (formatTool != null) {
            if (choice == null) {
                return choice("tool", formatTool.name());
            }
            if (choice == ToolChoice.NONE) {
                throw new IllegalArgumentException("tool_choice none cannot be combined with the response format "
                        + formatTool.name() + ": on Anthropic structured output is a forced tool call. Drop one.");
            }
        }
        if (choice == null || (choice == ToolChoice.NONE && request.tools().isEmpty() && formatTool == null)) {
            // With no tools there is nothing to forbid; Anthropic would only have to ignore the field.
            return null;
        }
        if (choice instanceof ToolChoice.Function function) {
            return choice("tool", function.name());
        }
        return choice(modeType((ToolChoice.Mode) choice), null);
    }

    private static String modeType(ToolChoice.Mode mode) {
        return switch (mode.value()) {
            case "auto" -> "auto";
            case "required" -> "any";
            case "none" -> "none";
            default ->
                throw new IllegalArgumentException(
                        "Unknown tool_choice mode '" + mode.value() + "'; use auto, required or none.");
        };
    }

    private static ObjectNode choice(String type, String name) {
        ObjectNode choice = AnthropicJson.MAPPER.createObjectNode();
        choice.put("type", type);
        if (name != null) {
            choice.put("name", name);
        }
        return choice;
    }
}
