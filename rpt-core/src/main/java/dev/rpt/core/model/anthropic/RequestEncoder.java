package dev.rpt.core.model.anthropic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.ToolChoice;
import dev.rpt.chat.ToolDefinition;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConstants;

/**
 * Writes a {@link ChatRequest} as a Messages API body. Fields always appear in one fixed order ({@code model,
 * max_tokens, system, messages, tools, tool_choice, temperature, thinking, output_config}) and unset ones are left
 * out, so equal requests give byte-identical bodies.
 *
 * <p>With extended thinking the API allows no forced tool, so a response format is sent as the native {@code
 * output_config.format} instead of {@link FormatTool}, and a request that forces a tool, sets a temperature, or leaves
 * no output tokens beyond the budget fails before it is sent, naming the key to change. {@code seed}, log-probabilities and {@code sampleIndex} are never sent: the API has no seed
 * or logprobs, and the sample index only keys the cache.
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
        return encode(model, request, 0);
    }

    /** @param thinkingBudget the extended-thinking budget in tokens, 0 for none */
    static Encoded encode(String model, ChatRequest request, int thinkingBudget) {
        boolean thinking = thinkingBudget > 0;
        if (thinking) {
            requireThinkable(request, thinkingBudget);
        }
        FormatTool formatTool =
                request.responseFormat() == null || thinking ? null : FormatTool.of(request.responseFormat());
        ConversationEncoder.Conversation conversation = ConversationEncoder.encode(request.messages());

        ObjectNode body = AnthropicJson.MAPPER.createObjectNode();
        body.put("model", model);
        body.put("max_tokens", request.maxTokens() != null ? request.maxTokens() : DEFAULT_MAX_TOKENS);
        if (conversation.system() != null) {
            body.put("system", conversation.system());
        }
        body.set("messages", conversation.messages());
        ArrayNode tools = tools(request, formatTool);
        if (!tools.isEmpty()) {
            body.set("tools", tools);
        }
        ObjectNode toolChoice = toolChoice(request, formatTool);
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
        if (thinking) {
            ObjectNode config = body.putObject("thinking");
            config.put("type", "enabled");
            config.put("budget_tokens", thinkingBudget);
            if (request.responseFormat() != null) {
                ObjectNode format = body.putObject("output_config").putObject("format");
                format.put("type", "json_schema");
                format.set(
                        "schema",
                        AnthropicJson.parseObject(
                                request.responseFormat().schema().json(),
                                "The schema of response format "
                                        + request.responseFormat().name()));
            }
        }
        return new Encoded(AnthropicJson.write(body), formatTool);
    }

    /** What extended thinking does not allow, as one error naming the key to change. */
    private static void requireThinkable(ChatRequest request, int budget) {
        String key = RptConstants.ANTHROPIC_THINKING_BUDGET;
        if (request.temperature() != null) {
            throw new ConfigException("Anthropic's extended thinking (" + key + "=" + budget + ") takes no"
                    + " temperature: set rpt.temperature=none, or turn thinking off with " + key + "=0.");
        }
        int maxTokens = request.maxTokens() != null ? request.maxTokens() : DEFAULT_MAX_TOKENS;
        if (maxTokens <= budget) {
            throw new ConfigException("The output limit (" + maxTokens + " tokens) must exceed the thinking budget ("
                    + key + "=" + budget + "), which it includes: raise rpt.max-tokens above " + budget + ".");
        }
        ToolChoice choice = request.toolChoice();
        if (choice instanceof ToolChoice.Function
                || (choice instanceof ToolChoice.Mode mode && mode.value().equals("required"))) {
            throw new ConfigException("Anthropic's extended thinking allows no forced tool call, and this request"
                    + " forces one (the tuner's optimizer does): turn thinking off for that role, e.g."
                    + " rpt.tune.optimizer.anthropic.thinking-budget=0.");
        }
    }

    private static ArrayNode tools(ChatRequest request, FormatTool formatTool) {
        ArrayNode tools = AnthropicJson.MAPPER.createArrayNode();
        for (ToolDefinition tool : request.tools()) {
            if (formatTool != null && tool.name().equals(formatTool.name())) {
                throw new IllegalArgumentException("The response format " + formatTool.name()
                        + " has the same name as a tool. On Anthropic structured output is a tool named after the"
                        + " format: rename the format or the tool.");
            }
            tools.add(tool(tool.name(), tool.description(), tool.parameters().json()));
        }
        if (formatTool != null) {
            tools.add(tool(formatTool.name(), FormatTool.DESCRIPTION, formatTool.schemaJson()));
        }
        return tools;
    }

    private static ObjectNode tool(String name, String description, String schemaJson) {
        ObjectNode tool = AnthropicJson.MAPPER.createObjectNode();
        tool.put("name", name);
        tool.put("description", description);
        tool.set("input_schema", AnthropicJson.parseObject(schemaJson, "The input schema of tool " + name));
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
