package dev.rpt.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One model turn of a case: what the assistant said, the tools it called, and what the (stubbed) tools returned
 * before the next turn. A case without tools has one step; a tool-calling case has one per turn, the last being the
 * final reply (or, at the step limit, a turn whose calls got no results).
 *
 * @param text the assistant's text in this turn; empty when it only called tools
 * @param toolCalls the tools it called in this turn, in order
 * @param results the results returned for those calls, in the same order; empty for the last step
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Step(String text, List<ToolCall> toolCalls, List<ToolResult> results) {

    public Step {
        Objects.requireNonNull(text, "text");
        toolCalls = List.copyOf(toolCalls);
        results = List.copyOf(results);
    }
}
