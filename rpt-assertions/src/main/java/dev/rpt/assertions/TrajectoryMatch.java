package dev.rpt.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * How the tools an answer called are compared with an expected list of tool names, as LangChain's agentevals defines
 * trajectory matching: {@link #STRICT} the same calls in the same order, {@link #UNORDERED} the same calls in any
 * order, {@link #SUBSET} no call beyond the expected ones, {@link #SUPERSET} at least the expected ones. Calls are
 * counted: a tool called twice must be expected twice.
 */
@API(status = EXPERIMENTAL, since = "0.3")
public enum TrajectoryMatch {
    /** The same tools, in the same order, each as often. */
    STRICT,
    /** The same tools, each as often, in any order. */
    UNORDERED,
    /** Every call is among the expected ones (as often at most); some expected ones may be missing. */
    SUBSET,
    /** Every expected call was made (as often at least); others may come in between. */
    SUPERSET;

    /** Whether the called tools match the expected ones in this mode. */
    boolean matches(List<String> called, List<String> expected) {
        return switch (this) {
            case STRICT -> called.equals(expected);
            case UNORDERED -> counts(called).equals(counts(expected));
            case SUBSET -> within(counts(called), counts(expected));
            case SUPERSET -> within(counts(expected), counts(called));
        };
    }

    /** The mode in words, for a failure message. */
    String describe() {
        return switch (this) {
            case STRICT -> "exactly, in this order";
            case UNORDERED -> "exactly, in any order";
            case SUBSET -> "at most, as a subset";
            case SUPERSET -> "at least, as a superset";
        };
    }

    private static Map<String, Integer> counts(List<String> names) {
        Map<String, Integer> counts = new HashMap<>();
        new ArrayList<>(names).forEach(name -> counts.merge(name, 1, Integer::sum));
        return counts;
    }

    /** Whether every name of {@code smaller} occurs in {@code larger} at least as often. */
    private static boolean within(Map<String, Integer> smaller, Map<String, Integer> larger) {
        return smaller.entrySet().stream()
                .allMatch(entry -> larger.getOrDefault(entry.getKey(), 0) >= entry.getValue());
    }
}
