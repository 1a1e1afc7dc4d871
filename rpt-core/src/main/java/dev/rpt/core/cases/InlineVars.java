package dev.rpt.core.cases;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Variables parsed from inline {@code name=value} strings.
 *
 * @param vars the well-formed entries, in the order written
 * @param problems one per malformed entry
 */
public record InlineVars(Map<String, String> vars, List<CaseProblem> problems) {

    public InlineVars {
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        problems = List.copyOf(problems);
    }
}
