package dev.rpt.core.gate;

import java.util.List;

/**
 * The outcome of checking rules against a run.
 *
 * @param violations every violated limit, in rule order; empty when every rule holds
 */
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
