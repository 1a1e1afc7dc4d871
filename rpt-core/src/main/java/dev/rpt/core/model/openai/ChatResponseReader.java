package dev.rpt.core.model.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.api.ToolCall;
import dev.rpt.api.Usage;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.model.MalformedResponseException;
import dev.rpt.core.model.TokenLogprob;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a complete Chat Completions response body into a {@link ChatResponse}. Only the first choice counts: rpt
 * asks for one ({@code n} is never sent). Every shape problem is a {@link MalformedResponseException} with an
 * excerpt of the body.
 */
final class ChatResponseReader {

    private final String requestedModel;

    /** @param requestedModel reported as the model when the server does not name one */
    ChatResponseReader(String requestedModel) {
        this.requestedModel = requestedModel;
    }

    ChatResponse read(String body) {
        ObjectNode root = OpenAiJson.parseResponse(body, "The chat completion response");
        JsonNode choices = root.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw new MalformedResponseException("The chat completion response has no choices", body, null);
        }
        JsonNode choice = choices.get(0);
        JsonNode message = choice.get("message");
        if (message == null || !message.isObject()) {
            throw new MalformedResponseException("The first choice of the chat completion has no message", body, null);
        }
        String model = OpenAiJson.text(root, "model");
        return new ChatResponse(
                content(message.get("content")),
                toolCalls(message.get("tool_calls"), body),
                OpenAiJson.text(message, "refusal"),
                finishReason(OpenAiJson.text(choice, "finish_reason")),
                usage(root.get("usage"), body),
                logprobs(choice.get("logprobs"), body),
                model == null ? requestedModel : model,
                // Which backend configuration served the reply; it changes when OpenAI changes the model behind a
                // name, so the response cache keeps it to notice such a change. Most compatible servers send none.
                OpenAiJson.text(root, "system_fingerprint"),
                false);
    }

    /**
     * The answer's text: the content string, or, where a server sends the content as a list of parts (Mistral's
     * reasoning models: {@code [{"type": "thinking", "thinking": [...]}, {"type": "text", "text": "..."}]}), its text
     * parts joined. Thinking parts are the model's reasoning, not its answer, and are left out. Null when there is none.
     */
    static String content(JsonNode content) {
        if (content == null || content.isNull()) {
            return null;
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        boolean any = false;
        for (JsonNode part : content) {
            String type = OpenAiJson.text(part, "type");
            String partText = OpenAiJson.text(part, "text");
            if (partText != null && (type == null || type.equals("text"))) {
                text.append(partText);
                any = true;
            }
        }
        return any ? text.toString() : null;
    }

    static FinishReason finishReason(String value) {
        if (value == null) {
            return FinishReason.OTHER;
        }
        return switch (value) {
            case "stop" -> FinishReason.STOP;
            case "length" -> FinishReason.LENGTH;
            // function_call is the deprecated name of the same thing.
            case "tool_calls", "function_call" -> FinishReason.TOOL_CALLS;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    private static List<ToolCall> toolCalls(JsonNode calls, String body) {
        if (calls == null || calls.isNull()) {
            return List.of();
        }
        if (!calls.isArray()) {
            throw new MalformedResponseException("message.tool_calls is not a list", body, null);
        }
        List<ToolCall> result = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            JsonNode function = calls.get(i).get("function");
            String name = function == null ? null : OpenAiJson.text(function, "name");
            if (name == null) {
                throw new MalformedResponseException("tool call " + i + " has no function name", body, null);
            }
            String id = OpenAiJson.text(calls.get(i), "id");
            result.add(new ToolCall(
                    // Some local servers leave the id out; any id works as long as the reply echoes it.
                    id == null ? "call_" + i : id, name, arguments(function.get("arguments"))));
        }
        return result;
    }

    private static String arguments(JsonNode arguments) {
        if (arguments == null || arguments.isNull()) {
            return "";
        }
        // The API sends a string, kept verbatim even when it is not valid JSON; a few servers send the object itself.
        return arguments.isTextual() ? arguments.asText() : arguments.toString();
    }

    private static Usage usage(JsonNode usage, String body) {
        if (usage == null || !usage.isObject()) {
            return Usage.ZERO;
        }
        long prompt = count(usage, "prompt_tokens", body);
        long completion = count(usage, "completion_tokens", body);
        JsonNode total = usage.get("total_tokens");
        Usage counted = total == null || total.isNull()
                ? Usage.of(prompt, completion)
                : new Usage(prompt, completion, count(usage, "total_tokens", body));
        // The details are optional: OpenAI sends them, most compatible servers do not. DeepSeek counts its cache hits
        // at the top level instead (prompt_cache_hit_tokens, beside prompt_cache_miss_tokens).
        JsonNode cached = usage.path("prompt_tokens_details").path("cached_tokens");
        return counted.withDetails(
                cached.isMissingNode() || cached.isNull()
                        ? usage.path("prompt_cache_hit_tokens").asLong(0)
                        : cached.asLong(0),
                usage.path("completion_tokens_details").path("reasoning_tokens").asLong(0));
    }

    private static long count(JsonNode usage, String field, String body) {
        JsonNode value = usage.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.canConvertToLong() || value.asLong() < 0) {
            throw new MalformedResponseException("usage." + field + " is not a token count", body, null);
        }
        return value.asLong();
    }

    private static List<TokenLogprob> logprobs(JsonNode logprobs, String body) {
        JsonNode content = logprobs == null ? null : logprobs.get("content");
        if (content == null || !content.isArray()) {
            return List.of();
        }
        List<TokenLogprob> tokens = new ArrayList<>();
        for (JsonNode entry : content) {
            List<TokenLogprob.Alternative> alternatives = new ArrayList<>();
            JsonNode top = entry.get("top_logprobs");
            if (top != null && top.isArray()) {
                for (JsonNode alternative : top) {
                    alternatives.add(
                            new TokenLogprob.Alternative(token(alternative, body), logprob(alternative, body)));
                }
            }
            tokens.add(new TokenLogprob(token(entry, body), logprob(entry, body), alternatives));
        }
        return tokens;
    }

    static String token(JsonNode entry, String body) {
        String token = OpenAiJson.text(entry, "token");
        if (token == null) {
            throw new MalformedResponseException("a logprobs entry has no token", body, null);
        }
        return token;
    }

    static double logprob(JsonNode entry, String body) {
        JsonNode value = entry.get("logprob");
        if (value == null || !value.isNumber()) {
            throw new MalformedResponseException("a logprobs entry has no numeric logprob", body, null);
        }
        return value.asDouble();
    }
}
