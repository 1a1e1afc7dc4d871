package dev.rpt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.api.ToolCall;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an optimizer conversation stands, read from its messages alone (the simulator keeps no state between calls):
 * the current candidate (the first user message's sections, changed by every PATCH the tuner did not reject), the
 * report of {@code evaluate_prompt} on that candidate, an {@code inspect_failures} result since that report, and how
 * many tool calls were made so far.
 *
 * @param candidate the sections under evaluation
 * @param report the evaluation of the candidate, or null when there is none yet
 * @param reportError the tool error of that evaluation, or null
 * @param inspected the {@code inspect_failures} result since the report, or null
 * @param rejection the tool error the tuner gave the last {@code decide}, or null
 * @param toolCalls how many tool calls the assistant turns hold
 */
record OptimizerState(
        Candidate candidate,
        ReportView report,
        String reportError,
        JsonNode inspected,
        String rejection,
        int toolCalls) {

    private static final String FIRST_MESSAGE_SHAPE =
            "{\"system\": \"...\", \"user\": \"...\", \"goals\": {...}, \"iteration\": 1}";

    static OptimizerState read(List<ChatMessage> messages) {
        Reader reader = new Reader(firstCandidate(messages));
        messages.forEach(reader::read);
        return reader.state();
    }

    /** The seed's sections, from the brief in the optimizer's first user message. */
    private static Candidate firstCandidate(List<ChatMessage> messages) {
        JsonNode first = SimJson.parseObject(
                SimJson.first(messages, Role.USER), "the optimizer's first user message", FIRST_MESSAGE_SHAPE);
        if (!first.path("system").isTextual() || !first.path("user").isTextual()) {
            throw SimJson.unreadable(
                    SimJson.first(messages, Role.USER),
                    "the optimizer's first user message",
                    FIRST_MESSAGE_SHAPE + " with text sections");
        }
        return new Candidate(first.get("system").asText(), first.get("user").asText());
    }

    /** Folds the conversation, message by message, into where the optimizer stands. */
    private static final class Reader {

        private final Map<String, ToolCall> calls = new HashMap<>();
        private final Map<String, Candidate> beforePatch = new HashMap<>();
        private Candidate candidate;
        private ReportView report;
        private String reportError;
        private JsonNode inspected;
        private String rejection;
        private int count;

        Reader(Candidate seed) {
            this.candidate = seed;
        }

        void read(ChatMessage message) {
            if (message.role() == Role.ASSISTANT) {
                message.toolCalls().forEach(this::call);
            } else if (message.role() == Role.TOOL && calls.containsKey(message.toolCallId())) {
                result(calls.get(message.toolCallId()), message);
            }
        }

        /** An assistant's tool call: a PATCH moves the candidate on and clears what was known of the old one. */
        private void call(ToolCall call) {
            count++;
            calls.put(call.id(), call);
            Candidate patched = patched(call, candidate);
            if (patched != null) {
                beforePatch.put(call.id(), candidate);
                candidate = patched;
                report = null;
                reportError = null;
                inspected = null;
                rejection = null;
            }
        }

        /** A tool's result, read by the call it answers. */
        private void result(ToolCall call, ChatMessage message) {
            String content = message.content();
            switch (call.name()) {
                case OptimizerRole.EVALUATE -> {
                    if (candidate.equals(sections(call, candidate))) {
                        report = message.toolError()
                                ? null
                                : ReportView.read(content, "the evaluate_prompt result of " + call.id());
                        reportError = message.toolError() ? content : null;
                        inspected = null;
                    }
                }
                case OptimizerRole.INSPECT -> {
                    if (report != null) {
                        inspected = message.toolError() ? SimJson.object() : lenient(content);
                    }
                }
                case OptimizerRole.DECIDE -> {
                    if (message.toolError()) {
                        rejection = content;
                        candidate = beforePatch.getOrDefault(call.id(), candidate);
                    }
                }
                default -> {
                    // Tools outside the tuner's protocol do not move the conversation on.
                }
            }
        }

        OptimizerState state() {
            return new OptimizerState(candidate, report, reportError, inspected, rejection, count);
        }
    }

    /** The sections a {@code decide} PATCH call sets, or null when the call is no PATCH. */
    private static Candidate patched(ToolCall call, Candidate current) {
        if (!OptimizerRole.DECIDE.equals(call.name())) {
            return null;
        }
        JsonNode arguments = lenient(call.arguments());
        if (!"PATCH".equals(arguments.path("decision").asText())) {
            return null;
        }
        return sections(call, current);
    }

    /** The sections a call's arguments carry; absent ones are unchanged. */
    private static Candidate sections(ToolCall call, Candidate current) {
        JsonNode arguments = lenient(call.arguments());
        return new Candidate(
                arguments.path("system").isTextual() ? arguments.get("system").asText() : current.system(),
                arguments.path("user").isTextual() ? arguments.get("user").asText() : current.user());
    }

    /** A JSON object, or an empty one when the text is none: a garbled call is not worth failing the run for. */
    private static JsonNode lenient(String text) {
        JsonNode node = SimJson.tryObject(text);
        return node == null ? SimJson.object() : node;
    }
}
