package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Limits applied to every element of one kind, after JaCoCo's {@code check} rules: e.g. every class has accuracy at
 * least 0.8, or every case passes at least 8 of its 10 samples.
 *
 * @param element what the limits apply to
 * @param limits the limits, at least one
 */
@API(status = INTERNAL, since = "0.1")
public record Rule(Element element, List<Limit> limits) {

    public Rule {
        Objects.requireNonNull(element, "element");
        limits = List.copyOf(limits);
        if (limits.isEmpty()) {
            throw new IllegalArgumentException("a rule on " + element + " needs at least one limit");
        }
        if (element != Element.RUN && limits.stream().anyMatch(l -> l.counter() == Counter.COST)) {
            // The run report prices the run as a whole; it has no cost per class or per case.
            throw new IllegalArgumentException(
                    "COST is measured per run only; move the COST limit to a rule with element RUN");
        }
    }

    /** A rule with the given limits. */
    public static Rule of(Element element, Limit... limits) {
        return new Rule(element, List.of(limits));
    }
}
