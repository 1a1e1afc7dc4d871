package dev.rpt.core.eval;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Tool-call arguments compared as the Berkeley Function Calling Leaderboard's checker compares them: parsed, numbers
 * equal by value ({@code 1} equals {@code 1.0}), key order ignored, and the expected object a subset: every key it
 * names must be there with a matching value (objects compared the same way, recursively; arrays element by element),
 * other keys may be present. Used by the assertions on a reply's calls and by the stubs that answer them.
 */
@API(status = INTERNAL, since = "0.3")
public final class JsonSubset {

    private JsonSubset() {}

    /** Whether {@code actual} holds {@code expected}: a subset for objects, equal by value for the rest. */
    public static boolean contains(JsonNode actual, JsonNode expected) {
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
}
