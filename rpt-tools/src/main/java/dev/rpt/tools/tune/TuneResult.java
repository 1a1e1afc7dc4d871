package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a tune did.
 *
 * @param record the directory with every iteration's prompt, reports, transcript and diff
 * @param iterations every evaluated candidate, in order; the first is the seed
 * @param seed the seed's evaluation
 * @param best the best evaluation on the held-out cases
 * @param written whether the prompt file was rewritten with the best candidate
 * @param diff the unified diff from the seed to the best candidate; empty when they are the same
 * @param stopReason why the loop stopped
 */
@API(status = INTERNAL, since = "0.1")
public record TuneResult(
        Path record,
        List<Evaluation> iterations,
        Evaluation seed,
        Evaluation best,
        boolean written,
        String diff,
        String stopReason) {

    public TuneResult {
        Objects.requireNonNull(record, "record");
        iterations = List.copyOf(iterations);
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(diff, "diff");
        Objects.requireNonNull(stopReason, "stopReason");
    }

    /** Whether the best candidate is better than the seed on the held-out cases. */
    public boolean improved() {
        return best != seed;
    }
}
