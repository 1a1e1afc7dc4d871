package dev.rpt.core.thresholds;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The outcome of checking {@link MetricBounds}: one {@link BoundCheck} per set bound, in the order of {@link
 * MetricBounds#describe()}.
 *
 * @param thresholds what was checked
 * @param checks the verdict of each set bound; empty when no bound is set
 */
@API(status = INTERNAL, since = "0.1")
public record ThresholdResult(MetricBounds thresholds, List<BoundCheck> checks) {

    public ThresholdResult {
        Objects.requireNonNull(thresholds, "thresholds");
        checks = List.copyOf(checks);
    }

    /** Whether every set bound holds. */
    public boolean passed() {
        return checks.stream().allMatch(BoundCheck::passed);
    }

    /** One sentence per violated or unmeasurable bound; empty when all hold. */
    public List<String> violations() {
        return checks.stream().filter(c -> !c.passed()).map(BoundCheck::detail).toList();
    }

    /**
     * The measured values against their bounds on one line, e.g. {@code accuracy 0.720 < 0.800 ✗, ECE 0.061 ≤ 0.100
     * ✓}: the first line of a failure message, which build tools keep when they cut the rest.
     */
    public String measuredLine() {
        return String.join(", ", checks.stream().map(BoundCheck::summary).toList());
    }
}
