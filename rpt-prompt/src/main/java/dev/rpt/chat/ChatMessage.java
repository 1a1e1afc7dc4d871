package dev.rpt.chat;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rpt.api.ToolCall;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One message of a conversation.
 *
 * @param role who wrote it
 * @param content the text; may be null for an assistant turn that only calls tools
 * @param toolCalls the calls an assistant turn made, in order; empty otherwise
 * @param toolCallId for {@link Role#TOOL}: the id of the call this message answers
 * @param toolError for {@link Role#TOOL}: whether the tool failed
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ChatMessage(Role role, String content, List<ToolCall> toolCalls, String toolCallId, boolean toolError) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        toolCalls = List.copyOf(toolCalls);
        if (role == Role.TOOL && toolCallId == null) {
            throw new IllegalArgumentException("a tool message needs the id of the call it answers");
        }
        if (role != Role.ASSISTANT && !toolCalls.isEmpty()) {
            throw new IllegalArgumentException("only assistant messages carry tool calls");
        }
        if (role != Role.ASSISTANT && content == null) {
            throw new IllegalArgumentException(role + " message needs content");
        }
    }

    public static ChatMessage system(String content) {
        return new ChatMessage(Role.SYSTEM, content, List.of(), null, false);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage(Role.USER, content, List.of(), null, false);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage(Role.ASSISTANT, content, List.of(), null, false);
    }

    /** An assistant turn as the model sent it, to repeat it in the next request of a tool-calling conversation. */
    public static ChatMessage assistant(String content, List<ToolCall> toolCalls) {
        return new ChatMessage(Role.ASSISTANT, content, toolCalls, null, false);
    }

    /** The successful result of the call with the given id. */
    public static ChatMessage toolResult(String toolCallId, String content) {
        return new ChatMessage(Role.TOOL, content, List.of(), toolCallId, false);
    }

    /** The failure of the call with the given id; the content says what went wrong. */
    public static ChatMessage toolError(String toolCallId, String content) {
        return new ChatMessage(Role.TOOL, content, List.of(), toolCallId, true);
    }
}
