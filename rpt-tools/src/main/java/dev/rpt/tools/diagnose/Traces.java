package dev.rpt.tools.diagnose;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.core.eval.TrajectoryText;
import java.util.List;
import java.util.TreeMap;

/** Writes failed cases as JSON traces: the critic's {@code case} object and the {@code inspect_failures} result. */
final class Traces {

    /** The most traces one {@code inspect_failures} call returns, whatever limit the optimizer asks for. */
    static final int MAX_TRACES = 20;

    /** The longest answer, justification or message text in an {@code inspect_failures} trace. */
    static final int MAX_TEXT = 1_000;

    private Traces() {}

    /** One case as {@code {id, vars, answer, confidence, justification, failure: {kind, message}}}. */
    static ObjectNode trace(FailedCase failure, int maxText) {
        ObjectNode node = MessageJson.MAPPER.createObjectNode();
        node.put("id", failure.id());
        ObjectNode vars = node.putObject("vars");
        // Sorted, so that the same case always gives the same request text (and response-cache key).
        new TreeMap<>(failure.vars()).forEach((name, value) -> vars.put(name, cut(value, maxText)));
        node.put("answer", cut(failure.answer(), maxText));
        if (failure.confidence().isPresent()) {
            node.put("confidence", failure.confidence().getAsDouble());
        } else {
            node.putNull("confidence");
        }
        if (failure.justification().isPresent()) {
            node.put("justification", cut(failure.justification().get(), maxText));
        } else {
            node.putNull("justification");
        }
        ObjectNode failureNode = node.putObject("failure");
        failureNode.put("kind", failure.failureKind());
        failureNode.put("message", cut(failure.failureMessage(), maxText));
        failure.tools().ifPresent(use -> {
            // The trajectory, one line per step, as the critic needs it to see which call went wrong.
            ArrayNode steps = node.putArray("trajectory");
            use.steps().forEach(step -> steps.add(TrajectoryText.step(step, maxText, maxText)));
            ToolFailure.of(failure).ifPresent(tool -> node.put("toolFailure", tool.label()));
        });
        return node;
    }

    /** The {@code inspect_failures} result: {@code {mode, traces: [...]}} with at most {@code limit} traces. */
    static String inspect(String mode, List<FailedCase> members, int limit) {
        ObjectNode root = MessageJson.MAPPER.createObjectNode();
        root.put("mode", mode);
        ArrayNode traces = root.putArray("traces");
        int count = Math.max(0, Math.min(Math.min(limit, MAX_TRACES), members.size()));
        members.subList(0, count).forEach(member -> traces.add(trace(member, MAX_TEXT)));
        return MessageJson.write(root);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
