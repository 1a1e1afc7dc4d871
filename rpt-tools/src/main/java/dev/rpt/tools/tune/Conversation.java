package dev.rpt.tools.tune;

import dev.rpt.chat.ChatMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The optimizer conversation, with the memory policy applied when it is sent: earlier diagnostic reports stay in
 * full, shrink to a one-line summary, or are dropped. The tool-call structure always stays intact, because the
 * providers reject a tool call without its result.
 */
final class Conversation {

    private final MemoryPolicy policy;
    private final int k;
    private final List<ChatMessage> messages = new ArrayList<>();
    private final Map<Integer, Evaluation> reports = new HashMap<>();

    Conversation(MemoryPolicy policy, int k) {
        this.policy = policy;
        this.k = k;
    }

    void add(ChatMessage message) {
        messages.add(message);
    }

    /** Adds an {@code evaluate_prompt} result. */
    void addReport(String toolCallId, Evaluation evaluation) {
        reports.put(messages.size(), evaluation);
        messages.add(ChatMessage.toolResult(toolCallId, evaluation.report()));
    }

    /** The messages to send, with older reports condensed as the policy says. */
    List<ChatMessage> messages() {
        int kept = switch (policy) {
            case ALL -> Integer.MAX_VALUE;
            case LAST, SUMMARY -> 1;
            case LAST_K -> k;
        };
        List<Integer> reportIndexes = reports.keySet().stream().sorted().toList();
        int firstKept = Math.max(0, reportIndexes.size() - kept);
        List<ChatMessage> view = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            int position = reportIndexes.indexOf(i);
            if (position >= 0 && position < firstKept) {
                Evaluation old = reports.get(i);
                String condensed = policy == MemoryPolicy.SUMMARY || policy == MemoryPolicy.LAST_K
                        ? summary(old)
                        : "[report of iteration " + old.iteration() + " omitted: memory policy last]";
                view.add(ChatMessage.toolResult(message.toolCallId(), condensed));
            } else {
                view.add(message);
            }
        }
        return view;
    }

    static String summary(Evaluation evaluation) {
        return String.format(
                Locale.ROOT,
                "[summary of iteration %d: accuracy %s, ECE %s, Brier %s; failure modes: %s]",
                evaluation.iteration(),
                format(evaluation.tune().accuracy()),
                format(evaluation.tune().ece()),
                format(evaluation.tune().brier()),
                evaluation.failureModes().isEmpty() ? "none" : String.join("; ", evaluation.failureModes()));
    }

    private static String format(java.util.OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "n/a";
    }
}
