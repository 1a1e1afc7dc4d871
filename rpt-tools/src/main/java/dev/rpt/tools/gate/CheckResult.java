package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The outcome of checking rules against a run.
 *
 * @param violations every violated limit, in rule order; empty when every rule holds
 */
@API(status = INTERNAL, since = "0.1")
public record CheckResult(List<Violation> violations) {

    public CheckResult {
        violations = List.copyOf(violations);
    }

    /** Whether every limit holds. */
    public boolean passed() {
        return violations.isEmpty();
    }

    /** One line per violation. */
    public List<String> messages() {
        return violations.stream().map(Violation::message).toList();
    }
}
