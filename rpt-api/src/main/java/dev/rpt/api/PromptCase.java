package dev.rpt.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One prompt-test case: the variables a prompt is rendered with, and which split it belongs to.
 *
 * @param id stable identity of the case across runs: the row's id column, or {@code line-<n>}
 * @param split whether the optimizer may see the case
 * @param vars the row's columns as text, in column order; a JSON or YAML {@code null} is an absent key, nested values
 *     are compact JSON text
 * @param origin where the case was written
 * @param mustPass whether the case is a contract: it must pass (every sample) even in a class judged by its
 *     thresholds as a whole
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PromptCase(String id, Split split, Map<String, String> vars, CaseOrigin origin, boolean mustPass) {

    /** A case that is not marked must-pass. */
    public PromptCase(String id, Split split, Map<String, String> vars, CaseOrigin origin) {
        this(id, split, vars, origin, false);
    }

    public PromptCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(origin, "origin");
        // Column order is kept because reports list variables the way the user wrote them.
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        vars.forEach((name, value) -> {
            Objects.requireNonNull(name, "variable name");
            Objects.requireNonNull(value, () -> "value of variable " + name);
        });
    }

    /** A copy marked must-pass. */
    public PromptCase asMustPass() {
        return new PromptCase(id, split, vars, origin, true);
    }
}
