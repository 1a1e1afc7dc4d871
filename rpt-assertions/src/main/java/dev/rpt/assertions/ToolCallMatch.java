package dev.rpt.assertions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.api.Step;
import dev.rpt.api.ToolCall;
import dev.rpt.core.eval.JsonSubset;
import dev.rpt.core.eval.TrajectoryText;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a tool call's arguments are compared with what a test expects: parsed, as {@link JsonSubset} says. */
final class ToolCallMatch {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolCallMatch() {}

    /** The call's arguments parsed; empty when they are not a JSON object (the model wrote something else). */
    static Optional<JsonNode> arguments(ToolCall call) {
        try {
            JsonNode parsed = JSON.readTree(call.arguments());
            return parsed != null && parsed.isObject() ? Optional.of(parsed) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The expected subset, parsed; an {@link IllegalArgumentException} naming the problem when it is no object. */
    static JsonNode expected(String json) {
        try {
            JsonNode parsed = JSON.readTree(json);
            if (parsed == null || !parsed.isObject()) {
                throw new IllegalArgumentException("the expected arguments must be a JSON object, got " + json);
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the expected arguments are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Whether {@code actual} holds {@code expected} ({@link JsonSubset}). */
    static boolean contains(JsonNode actual, JsonNode expected) {
        return JsonSubset.contains(actual, expected);
    }

    /** The calls in one line each, e.g. {@code lookup_order {"order_id":"A1"}}; "no tool call" when there are none. */
    static String describe(List<ToolCall> calls) {
        return calls.isEmpty()
                ? "no tool call"
                : calls.stream()
                        .map(call -> call.name() + " " + call.arguments())
                        .collect(Collectors.joining("; ", "called ", ""));
    }

    /**
     * A trajectory one line per step, each on its own indented line: the calls with what each returned, then the
     * step's text, e.g. {@code 1. lookup_order {"order_id":"A1"} -> {"status":"shipped"}}. Long results are cut.
     */
    static String trajectory(List<Step> steps) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            lines.append("\n  ").append(i + 1).append(". ").append(TrajectoryText.step(steps.get(i), 120, 200));
        }
        return lines.toString();
    }
}
