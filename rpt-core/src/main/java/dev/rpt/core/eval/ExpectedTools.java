package dev.rpt.core.eval;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.api.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The tool calls a case expects, from its {@value #VARIABLE} column: what the tool-use metrics score a trajectory
 * against, as DeepEval's tool correctness and Ragas' tool-call accuracy score against a case's reference calls. A JSON
 * list whose entries are tool names or {@code {"name": ..., "arguments": {...}}}; {@code []} expects no call.
 *
 * <p>Tool selection holds when the tools called over the whole run are exactly the expected ones (as a set: a tool
 * called twice counts once, order aside). The arguments hold when every expected call that states arguments has a
 * call of its tool whose arguments hold them (parsed, a subset: {@code 1} equals {@code 1.0}, key order ignored, as
 * the assertions compare them).
 *
 * @param calls the expected calls, in the order written
 */
@API(status = INTERNAL, since = "0.1")
public record ExpectedTools(List<Call> calls) {

    /** The case variable that holds the expected calls. */
    public static final String VARIABLE = "expected-tools";

    private static final ObjectMapper JSON = new ObjectMapper();

    public ExpectedTools {
        calls = List.copyOf(calls);
    }

    /**
     * One expected call.
     *
     * @param name the tool's name
     * @param arguments the arguments the call must hold, when the case states them
     */
    public record Call(String name, Optional<JsonNode> arguments) {}

    /**
     * The case's expected calls; empty when it states none.
     *
     * @throws IllegalArgumentException naming the column and the shape to write when its value is not such JSON
     */
    public static Optional<ExpectedTools> of(Map<String, String> variables) {
        String text = variables.get(VARIABLE);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        JsonNode list;
        try {
            list = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw shape("is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (!list.isArray()) {
            throw shape("must be a list, got " + list);
        }
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            calls.add(call(list.get(i), i + 1));
        }
        return Optional.of(new ExpectedTools(calls));
    }

    private static Call call(JsonNode entry, int number) {
        if (entry.isTextual() && !entry.asText().isBlank()) {
            return new Call(entry.asText(), Optional.empty());
        }
        if (entry.isObject() && entry.path("name").isTextual()) {
            JsonNode arguments = entry.get("arguments");
            if (arguments != null && !arguments.isObject()) {
                throw shape("entry " + number + " has arguments that are not a JSON object: " + arguments);
            }
            return new Call(entry.get("name").asText(), Optional.ofNullable(arguments));
        }
        throw shape("entry " + number + " is neither a tool name nor an object with a name: " + entry);
    }

    private static IllegalArgumentException shape(String problem) {
        return new IllegalArgumentException("The case's " + VARIABLE + " " + problem + ". Write a list of tool names"
                + " or calls, e.g. [\"lookup_order\", {\"name\": \"refund\", \"arguments\": {\"order_id\": \"A1\"}}],"
                + " or [] for a case that must call no tool.");
    }

    /** Whether the tools called are exactly the expected ones, as sets. */
    public boolean selectionHolds(List<ToolCall> made) {
        Set<String> expected = calls.stream().map(Call::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> called = made.stream().map(ToolCall::name).collect(Collectors.toCollection(TreeSet::new));
        return expected.equals(called);
    }

    /**
     * Whether every expected call that states arguments was made with arguments holding them; empty when no expected
     * call states arguments. A call whose arguments are not JSON holds nothing.
     */
    public Optional<Boolean> argumentsHold(List<ToolCall> made) {
        List<Call> stated =
                calls.stream().filter(c -> c.arguments().isPresent()).toList();
        if (stated.isEmpty()) {
            return Optional.empty();
        }
        for (Call expected : stated) {
            boolean held = made.stream()
                    .filter(call -> call.name().equals(expected.name()))
                    .anyMatch(call -> parsed(call.arguments())
                            .map(actual -> JsonSubset.contains(
                                    actual, expected.arguments().orElseThrow()))
                            .orElse(false));
            if (!held) {
                return Optional.of(false);
            }
        }
        return Optional.of(true);
    }

    private static Optional<JsonNode> parsed(String arguments) {
        try {
            return Optional.of(JSON.readTree(arguments));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
