package dev.rpt.core.gate;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking {@link Thresholds}.
 *
 * @param thresholds what was checked
 * @param violations one line per violated or unmeasurable bound; empty when all hold
 */
public record ThresholdResult(Thresholds thresholds, List<String> violations) {

    public ThresholdResult {
        Objects.requireNonNull(thresholds, "thresholds");
        violations = List.copyOf(violations);
    }

    /** Whether every set bound holds. */
    public boolean passed() {
        return violations.isEmpty();
    }
}
