package dev.rpt.core.cases;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Variables parsed from inline {@code name=value} strings.
 *
 * @param vars the well-formed entries, in the order written
 * @param problems one per malformed entry
 */
@API(status = INTERNAL, since = "0.1")
public record InlineVars(Map<String, String> vars, List<CaseProblem> problems) {

    public InlineVars {
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        problems = List.copyOf(problems);
    }
}
