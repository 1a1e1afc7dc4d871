package dev.rpt.core.eval;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.api.Step;
import dev.rpt.api.ToolCall;
import dev.rpt.api.ToolResult;
import dev.rpt.core.model.Excerpt;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A trajectory step as one line of text, the same in a failed assertion's message and in the critic's traces: each
 * call with what it returned, then the step's text, e.g. {@code lookup_order {"order_id":"A1"} -> {"total":25};
 * replied "It has shipped."}.
 */
@API(status = INTERNAL, since = "0.1")
public final class TrajectoryText {

    private TrajectoryText() {}

    /**
     * @param maxResult the longest tool result shown; longer ones are cut ({@link Excerpt})
     * @param maxText the longest step text shown
     */
    public static String step(Step step, int maxResult, int maxText) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < step.toolCalls().size(); i++) {
            ToolCall call = step.toolCalls().get(i);
            String part = call.name() + " " + call.arguments() + " -> ";
            if (i < step.results().size()) {
                ToolResult result = step.results().get(i);
                part += (result.error() ? "error: " : "") + Excerpt.of(result.content(), maxResult);
            } else {
                part += "(no result: step limit)";
            }
            parts.add(part);
        }
        if (!step.text().isBlank()) {
            parts.add("replied \"" + Excerpt.of(step.text(), maxText) + "\"");
        }
        return parts.isEmpty() ? "(empty reply)" : String.join("; ", parts);
    }
}
