package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A case whose pass rate moved between the baseline and the run, with both answers, for the reviewer to read side by
 * side.
 *
 * @param caseName the case within its class, {@code method[id]}
 * @param worse whether it now passes less often (right to wrong); else more often (wrong to right)
 * @param baselineRate its pass rate in the baseline
 * @param currentRate its pass rate in the run
 * @param before the baseline's answer; empty in a baseline written before rpt recorded answers
 * @param after the run's answer
 */
@API(status = INTERNAL, since = "0.3")
public record Flip(
        String caseName,
        boolean worse,
        double baselineRate,
        double currentRate,
        Optional<String> before,
        Optional<String> after) {

    public Flip {
        Objects.requireNonNull(caseName, "caseName");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
