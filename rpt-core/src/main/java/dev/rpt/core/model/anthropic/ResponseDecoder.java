package dev.rpt.core.model.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.api.ToolCall;
import dev.rpt.api.Usage;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.model.MalformedResponseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a successful Messages API body into a {@link ChatResponse}. Text blocks are joined into the text; tool_use
 * blocks become tool calls whose arguments are the compact JSON of their {@code input} object, except the forced
 * structured-output tool, whose input becomes the text. Block types rpt does not use (such as thinking) are skipped.
 * Anthropic has no log-probabilities, so they are always empty and callers fall back to verbalized confidence.
 */
final class ResponseDecoder {

    static final String DEFAULT_REFUSAL = "The model declined to answer (stop_reason refusal).";

    private ResponseDecoder() {}

    /**
     * Decodes a body.
     *
     * @param body the complete response body
     * @param formatTool the forced structured-output tool of the request, or null
     * @param requestedModel the model name to report when the body names none
     * @throws MalformedResponseException when the body is not JSON or lacks the {@code content} array
     */
    static ChatResponse decode(String body, FormatTool formatTool, String requestedModel) {
        JsonNode root;
        try {
            root = AnthropicJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException("Anthropic answered with a body that is not JSON", body, e);
        }
        if (root == null || !root.isObject() || !root.path("content").isArray()) {
            throw new MalformedResponseException(
                    "Anthropic answered without the content array of a Messages response", body, null);
        }
        StringBuilder text = new StringBuilder();
        boolean hasText = false;
        String structured = null;
        List<ToolCall> toolCalls = new ArrayList<>();
        for (JsonNode block : root.get("content")) {
            String type = block.path("type").asText("");
            if (type.equals("text")) {
                text.append(block.path("text").asText(""));
                hasText = true;
            } else if (type.equals("tool_use")) {
                ToolCall call = toolCall(block, body);
                if (formatTool != null && call.name().equals(formatTool.name())) {
                    structured = call.arguments();
                } else {
                    toolCalls.add(call);
                }
            }
        }
        String stopReason = root.path("stop_reason").asText("");
        Usage usage = usage(root.path("usage"));
        String model = root.path("model").isTextual() ? root.get("model").asText() : requestedModel;
        if (stopReason.equals("refusal")) {
            return new ChatResponse(
                    null, toolCalls, refusal(root), FinishReason.CONTENT_FILTER, usage, List.of(), model, false);
        }
        FinishReason finishReason = finishReason(stopReason);
        if (structured != null && toolCalls.isEmpty() && finishReason == FinishReason.TOOL_CALLS) {
            // The forced tool is how the model answers, not a call the caller has to run.
            finishReason = FinishReason.STOP;
        }
        String answer = structured != null ? structured : hasText ? text.toString() : null;
        return new ChatResponse(answer, toolCalls, null, finishReason, usage, List.of(), model, false);
    }

    private static ToolCall toolCall(JsonNode block, String body) {
        if (!block.path("id").isTextual() || !block.path("name").isTextual()) {
            throw new MalformedResponseException("Anthropic sent a tool_use block without an id or a name", body, null);
        }
        JsonNode input = block.get("input");
        String arguments = input == null || input.isNull() ? "{}" : AnthropicJson.write(input);
        return new ToolCall(block.get("id").asText(), block.get("name").asText(), arguments);
    }

    private static String refusal(JsonNode root) {
        // The partial text before a refusal is not an explanation, so only stop_details can supply one.
        JsonNode explanation = root.path("stop_details").path("explanation");
        return explanation.isTextual() && !explanation.asText().isBlank() ? explanation.asText() : DEFAULT_REFUSAL;
    }

    static FinishReason finishReason(String stopReason) {
        return switch (stopReason) {
            case "end_turn", "stop_sequence" -> FinishReason.STOP;
            // A reply cut by the context window, or a long turn the server paused, is as incomplete as one cut by
            // max_tokens: it must not pass for a finished answer.
            case "max_tokens", "model_context_window_exceeded", "pause_turn" -> FinishReason.LENGTH;
            case "tool_use" -> FinishReason.TOOL_CALLS;
            case "refusal" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    private static Usage usage(JsonNode usage) {
        // Cached prompt tokens are reported apart from input_tokens but are still input the call consumed.
        long input = usage.path("input_tokens").asLong(0)
                + usage.path("cache_creation_input_tokens").asLong(0)
                + usage.path("cache_read_input_tokens").asLong(0);
        // Cache reads are the cheap part; cache writes cost more than input, the one-hour ones more than the
        // five-minute
        // ones (usage.cache_creation splits them; without it every write counts as a five-minute one).
        long writes = usage.path("cache_creation_input_tokens").asLong(0);
        long longWrites = Math.min(
                writes,
                usage.path("cache_creation").path("ephemeral_1h_input_tokens").asLong(0));
        return Usage.of(input, usage.path("output_tokens").asLong(0))
                .withDetails(
                        usage.path("cache_read_input_tokens").asLong(0),
                        usage.path("output_tokens_details")
                                .path("thinking_tokens")
                                .asLong(0))
                .withCacheWrites(writes, longWrites);
    }
}
