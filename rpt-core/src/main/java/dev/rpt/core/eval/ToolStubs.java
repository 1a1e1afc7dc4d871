package dev.rpt.core.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.api.ToolCall;
import java.util.Map;
import java.util.Optional;

/**
 * What a case's tools return, from its reserved variable {@value #VARIABLE}: a JSON object by tool name, or a JSON list
 * as an ordered script.
 *
 * <ul>
 *   <li>By tool: {@code {"lookup_order": [{"arguments": {"order_id": "A1"}, "result": {"status": "shipped"}},
 *       {"result": "no such order"}], "refund": "refunded"}}. A list holds stubs tried in order, each with optional
 *       {@code arguments} (compared with the call's as {@link JsonSubset} does) and its {@code result}; any other value
 *       is the result of every call of that tool.
 *   <li>As a script: {@code [{"status": "shipped"}, "refunded"]}: the first call gets the first result, and so on.
 * </ul>
 *
 * <p>A call nothing answers gets an error result that says so, which the model sees as a failed tool: a stub missing
 * from the case file is a fact about the test, not a reason to stop it. (The run report does not record tool results
 * yet; the case's answer is the model's reply to them.) A result that is a
 * string goes to the model as it is; any other JSON as its compact text.
 */
final class ToolStubs {

    /** The case variable that holds the stubs. */
    static final String VARIABLE = "tool-results";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode stubs;
    private int scripted;

    private ToolStubs(JsonNode stubs) {
        this.stubs = stubs;
    }

    /**
     * The case's stubs; empty when it has none.
     *
     * @throws IllegalArgumentException naming the variable and the fix when its value is not such JSON
     */
    static Optional<ToolStubs> of(Map<String, String> variables) {
        String text = variables.get(VARIABLE);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        JsonNode stubs;
        try {
            stubs = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The case's " + VARIABLE + " is not JSON (" + e.getOriginalMessage()
                    + "). Write an object by tool name, e.g. {\"lookup_order\": {\"status\": \"shipped\"}}, or a list"
                    + " of results in call order.");
        }
        if (!stubs.isObject() && !stubs.isArray()) {
            throw new IllegalArgumentException("The case's " + VARIABLE + " must be an object by tool name or a list of"
                    + " results in call order, got " + stubs);
        }
        return Optional.of(new ToolStubs(stubs));
    }

    /** The result of one call: its content, and whether it is an error. */
    record Result(String content, boolean error) {}

    /** What the call returns; the calls of one case are answered in the order they come. */
    Result answer(ToolCall call) {
        if (stubs.isArray()) {
            return scripted < stubs.size() ? result(stubs.get(scripted++)) : missing(call);
        }
        JsonNode forTool = stubs.get(call.name());
        if (forTool == null) {
            return missing(call);
        }
        if (!forTool.isArray()) {
            return result(forTool);
        }
        Optional<JsonNode> arguments = arguments(call);
        for (JsonNode stub : forTool) {
            JsonNode expected = stub.get("arguments");
            if (expected == null
                    || expected.isNull()
                    || arguments.isPresent() && JsonSubset.contains(arguments.get(), expected)) {
                return result(stub.path("result"));
            }
        }
        return missing(call);
    }

    private static Result result(JsonNode value) {
        return new Result(value.isTextual() ? value.asText() : value.toString(), false);
    }

    private static Result missing(ToolCall call) {
        return new Result(
                "rpt: no stubbed result for " + call.name() + " with the arguments " + call.arguments() + " (add one"
                        + " to the case's " + VARIABLE + ")",
                true);
    }

    private static Optional<JsonNode> arguments(ToolCall call) {
        try {
            JsonNode parsed = JSON.readTree(call.arguments());
            return parsed != null && parsed.isObject() ? Optional.of(parsed) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
