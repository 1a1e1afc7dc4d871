package dev.rpt.tools.record;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.rpt.api.ToolCall;
import dev.rpt.core.files.JsonFiles;
import dev.rpt.core.model.ChatResponse;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One line of {@code transcript.jsonl}: one reply of the optimizer.
 *
 * @param iteration the evaluations completed when the reply came
 * @param text the reply's text
 * @param toolCalls the tool calls it made
 * @param finishReason why the reply ended
 * @param usage its tokens
 * @param model the model that answered, as the provider names it
 */
@API(status = INTERNAL, since = "0.1")
@JsonPropertyOrder({"iteration", "text", "toolCalls", "finishReason", "usage", "model"})
public record TranscriptLine(
        int iteration, String text, List<Call> toolCalls, String finishReason, Tokens usage, String model) {

    /** A tool call. */
    @JsonPropertyOrder({"id", "name", "arguments"})
    public record Call(String id, String name, String arguments) {}

    /** The reply's tokens. */
    @JsonPropertyOrder({"prompt", "completion"})
    public record Tokens(long prompt, long completion) {}

    /** The line of a reply. */
    public static TranscriptLine of(int iteration, ChatResponse response) {
        return new TranscriptLine(
                iteration,
                response.text(),
                response.toolCalls().stream()
                        .map((ToolCall call) -> new Call(call.id(), call.name(), call.arguments()))
                        .toList(),
                response.finishReason().name(),
                new Tokens(response.usage().promptTokens(), response.usage().completionTokens()),
                response.model());
    }

    /** The line as one line of JSON, without its newline. */
    public String toJson() {
        return JsonFiles.compactText(this);
    }
}
