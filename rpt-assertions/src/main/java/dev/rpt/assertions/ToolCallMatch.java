package dev.rpt.assertions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.api.ToolCall;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a tool call's arguments are compared with what a test expects: parsed, not as text, as the Berkeley Function
 * Calling Leaderboard's checker compares them. Numbers are equal by value ({@code 1} equals {@code 1.0}), key order
 * is ignored, and the expected object is a subset: every key it names must be there with a matching value (objects
 * compared the same way, recursively; arrays element by element), other keys may be present.
 */
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

    /** Whether {@code actual} holds {@code expected}: a subset for objects, equal by value for the rest. */
    static boolean contains(JsonNode actual, JsonNode expected) {
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = actual.get(field.getKey());
                if (value == null || !contains(value, field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!contains(actual.get(i), expected.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isNumber()) {
            return actual.isNumber() && actual.decimalValue().compareTo(expected.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    /** The calls in one line each, e.g. {@code lookup_order {"order_id":"A1"}}; "no tool call" when there are none. */
    static String describe(List<ToolCall> calls) {
        return calls.isEmpty()
                ? "no tool call"
                : calls.stream()
                        .map(call -> call.name() + " " + call.arguments())
                        .collect(Collectors.joining("; ", "called ", ""));
    }
}
