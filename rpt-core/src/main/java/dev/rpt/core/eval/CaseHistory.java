package dev.rpt.core.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.api.ToolCall;
import dev.rpt.chat.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The earlier turns of a conversation a case starts in the middle of, from its reserved variable {@value #VARIABLE}:
 * a JSON list of turns, sent between the prompt's system section and its rendered user section.
 *
 * <ul>
 *   <li>{@code {"role": "user", "content": "Where is order A1?"}}
 *   <li>{@code {"role": "assistant", "content": "Let me look.", "tool_calls": [{"id": "c1", "name": "lookup_order",
 *       "arguments": {"order_id": "A1"}}]}} ({@code content} may be left out; {@code arguments} may be an object or its
 *       JSON text)
 *   <li>{@code {"role": "tool", "tool_call_id": "c1", "content": {"status": "shipped"}}} (a string, or any JSON, sent
 *       as its text)
 * </ul>
 */
final class CaseHistory {

    /** The case variable that holds the earlier turns. */
    static final String VARIABLE = "history";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseHistory() {}

    /**
     * The case's earlier turns; empty when it has none.
     *
     * @throws IllegalArgumentException naming the variable, the turn and the fix when a turn is not one of the above
     */
    static List<ChatMessage> of(Map<String, String> variables) {
        String text = variables.get(VARIABLE);
        if (text == null || text.isBlank()) {
            return List.of();
        }
        JsonNode turns;
        try {
            turns = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "The case's " + VARIABLE + " is not JSON (" + e.getOriginalMessage() + "). " + SHAPE);
        }
        if (!turns.isArray()) {
            throw new IllegalArgumentException("The case's " + VARIABLE + " must be a list of turns. " + SHAPE);
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            messages.add(turn(turns.get(i), i));
        }
        return messages;
    }

    private static final String SHAPE = "Write a JSON list of turns: {\"role\": \"user\", \"content\": \"...\"},"
            + " {\"role\": \"assistant\", \"content\": \"...\", \"tool_calls\": [{\"id\": \"c1\", \"name\": \"...\","
            + " \"arguments\": {...}}]}, {\"role\": \"tool\", \"tool_call_id\": \"c1\", \"content\": \"...\"}.";

    private static ChatMessage turn(JsonNode turn, int index) {
        String where = "The case's " + VARIABLE + ", turn " + (index + 1) + ": ";
        String role = turn.path("role").asText("");
        return switch (role) {
            case "user" -> ChatMessage.user(text(turn.get("content"), where + "a user turn needs its content"));
            case "assistant" -> {
                List<ToolCall> calls = new ArrayList<>();
                for (JsonNode call : turn.path("tool_calls")) {
                    String id = call.path("id").asText("");
                    String name = call.path("name").asText("");
                    if (id.isEmpty() || name.isEmpty()) {
                        throw new IllegalArgumentException(where + "each tool call needs an id and a name. " + SHAPE);
                    }
                    JsonNode arguments = call.get("arguments");
                    calls.add(new ToolCall(
                            id,
                            name,
                            arguments == null || arguments.isNull()
                                    ? "{}"
                                    : arguments.isTextual() ? arguments.asText() : arguments.toString()));
                }
                JsonNode content = turn.get("content");
                if (calls.isEmpty() && (content == null || content.isNull())) {
                    throw new IllegalArgumentException(
                            where + "an assistant turn needs content or tool_calls. " + SHAPE);
                }
                yield ChatMessage.assistant(content == null || content.isNull() ? null : text(content, where), calls);
            }
            case "tool" -> {
                String id = turn.path("tool_call_id").asText("");
                if (id.isEmpty()) {
                    throw new IllegalArgumentException(
                            where + "a tool turn needs the tool_call_id it answers. " + SHAPE);
                }
                yield ChatMessage.toolResult(id, text(turn.get("content"), where + "a tool turn needs its content"));
            }
            default ->
                throw new IllegalArgumentException(
                        where + "role must be user, assistant or tool, got '" + role + "'. " + SHAPE);
        };
    }

    private static String text(JsonNode content, String missing) {
        if (content == null || content.isNull()) {
            throw new IllegalArgumentException(missing + ". " + SHAPE);
        }
        return content.isTextual() ? content.asText() : content.toString();
    }
}
