package dev.rpt.core.model.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.api.ToolCall;
import dev.rpt.api.Usage;
import dev.rpt.core.model.BadRequestException;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.model.MalformedResponseException;
import dev.rpt.core.model.ModelException;
import dev.rpt.core.model.RateLimitedException;
import dev.rpt.core.model.ServerErrorException;
import dev.rpt.core.model.TokenLogprob;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a complete Responses API body ({@code object: response}; openai-python {@code types/responses/response.py})
 * into a {@link ChatResponse}.
 *
 * <ul>
 *   <li>The answer is the text of the {@code output_text} parts of the {@code message} items, joined; a {@code
 *       refusal} part is the refusal. {@code reasoning} items (and their summaries) are the model's thinking, never
 *       the answer.
 *   <li>Each {@code function_call} item is a tool call, its {@code call_id} the id its result must name.
 *   <li>{@code status}: {@code completed} is a stop (or a stop to call tools, when it called some); {@code
 *       incomplete} with {@code incomplete_details.reason} {@code max_output_tokens} is a truncation, {@code
 *       content_filter} a filtered reply; {@code failed} is the error it carries, mapped as an HTTP error would be
 *       ({@code server_error} retried as a 500, {@code rate_limit_exceeded} as a 429, the rest a bad request); {@code
 *       in_progress}, {@code queued} and {@code cancelled} cannot answer a call that did not ask for background mode,
 *       and are a malformed reply.
 *   <li>Usage: {@code input_tokens} with {@code input_tokens_details.cached_tokens} and {@code cache_write_tokens},
 *       {@code output_tokens} with {@code output_tokens_details.reasoning_tokens}.
 *   <li>Log-probabilities: each {@code output_text} part's {@code logprobs}, with their {@code top_logprobs}.
 * </ul>
 */
final class ResponsesReader {

    private final String requestedModel;

    /** @param requestedModel reported as the model when the server does not name one */
    ResponsesReader(String requestedModel) {
        this.requestedModel = requestedModel;
    }

    ChatResponse read(String body) {
        ObjectNode root = OpenAiJson.parseResponse(body, "The Responses API reply");
        String status = OpenAiJson.text(root, "status");
        if ("failed".equals(status)) {
            throw failure(root.path("error"), body);
        }
        JsonNode output = root.get("output");
        if (output == null || !output.isArray()) {
            throw new MalformedResponseException("The Responses API reply has no output list", body, null);
        }
        StringBuilder text = new StringBuilder();
        boolean anyText = false;
        String refusal = null;
        List<ToolCall> calls = new ArrayList<>();
        List<TokenLogprob> logprobs = new ArrayList<>();
        for (JsonNode item : output) {
            String type = OpenAiJson.text(item, "type");
            if ("message".equals(type)) {
                for (JsonNode part : item.path("content")) {
                    String partType = OpenAiJson.text(part, "type");
                    if ("output_text".equals(partType)) {
                        text.append(part.path("text").asText(""));
                        anyText = true;
                        logprobs.addAll(logprobs(part.get("logprobs"), body));
                    } else if ("refusal".equals(partType)) {
                        refusal = OpenAiJson.text(part, "refusal");
                    }
                }
            } else if ("function_call".equals(type)) {
                calls.add(call(item, calls.size(), body));
            }
            // reasoning, and the hosted tools' items rpt never asks for, are not the answer.
        }
        String model = OpenAiJson.text(root, "model");
        return new ChatResponse(
                anyText ? text.toString() : null,
                calls,
                refusal,
                finishReason(status, OpenAiJson.text(root.path("incomplete_details"), "reason"), calls, body),
                usage(root.get("usage")),
                logprobs,
                model == null ? requestedModel : model,
                null,
                false);
    }

    private static FinishReason finishReason(String status, String incomplete, List<ToolCall> calls, String body) {
        if (status == null || status.equals("completed")) {
            return calls.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS;
        }
        if (status.equals("incomplete")) {
            if ("max_output_tokens".equals(incomplete)) {
                return FinishReason.LENGTH;
            }
            return "content_filter".equals(incomplete) ? FinishReason.CONTENT_FILTER : FinishReason.OTHER;
        }
        throw new MalformedResponseException(
                "The Responses API reply has status '" + status + "', which a call without background mode never"
                        + " gets: the server did not finish the response",
                body,
                null);
    }

    /** A {@code failed} response's error as the exception an HTTP error with that meaning becomes. */
    private static ModelException failure(JsonNode error, String body) {
        String code = OpenAiJson.text(error, "code");
        String message = "the response failed: " + (code == null ? "" : code + ": ")
                + (OpenAiJson.text(error, "message") == null ? "(no message)" : OpenAiJson.text(error, "message"));
        if ("server_error".equals(code)) {
            return new ServerErrorException(500, "HTTP 200 with a failed response, " + message, null);
        }
        if ("rate_limit_exceeded".equals(code)) {
            return new RateLimitedException("HTTP 200 with a failed response, " + message, null);
        }
        return new BadRequestException(400, message);
    }

    private static ToolCall call(JsonNode item, int index, String body) {
        String name = OpenAiJson.text(item, "name");
        if (name == null) {
            throw new MalformedResponseException("function_call item " + index + " has no name", body, null);
        }
        String callId = OpenAiJson.text(item, "call_id");
        JsonNode arguments = item.get("arguments");
        return new ToolCall(
                callId == null ? "call_" + index : callId,
                name,
                arguments == null || arguments.isNull()
                        ? ""
                        : arguments.isTextual() ? arguments.asText() : arguments.toString());
    }

    private static Usage usage(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return Usage.ZERO;
        }
        long input = usage.path("input_tokens").asLong(0);
        long output = usage.path("output_tokens").asLong(0);
        JsonNode total = usage.get("total_tokens");
        Usage counted = total == null || !total.canConvertToLong()
                ? Usage.of(input, output)
                : new Usage(input, output, total.asLong());
        return counted.withDetails(
                        usage.path("input_tokens_details").path("cached_tokens").asLong(0),
                        usage.path("output_tokens_details")
                                .path("reasoning_tokens")
                                .asLong(0))
                .withCacheWrites(
                        usage.path("input_tokens_details")
                                .path("cache_write_tokens")
                                .asLong(0),
                        0);
    }

    private static List<TokenLogprob> logprobs(JsonNode logprobs, String body) {
        if (logprobs == null || !logprobs.isArray()) {
            return List.of();
        }
        List<TokenLogprob> tokens = new ArrayList<>();
        for (JsonNode entry : logprobs) {
            List<TokenLogprob.Alternative> alternatives = new ArrayList<>();
            for (JsonNode alternative : entry.path("top_logprobs")) {
                alternatives.add(new TokenLogprob.Alternative(
                        ChatResponseReader.token(alternative, body), ChatResponseReader.logprob(alternative, body)));
            }
            tokens.add(new TokenLogprob(
                    ChatResponseReader.token(entry, body), ChatResponseReader.logprob(entry, body), alternatives));
        }
        return tokens;
    }
}
