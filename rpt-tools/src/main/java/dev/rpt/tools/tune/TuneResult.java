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
 * @param best the best evaluation on the selection cases (among candidates that pass every must-pass case)
 * @param written whether the prompt file was rewritten with the best candidate
 * @param diff the unified diff from the seed to the best candidate; empty when they are the same
 * @param stopReason why the loop stopped
 * @param adoption whether the confirmation cases adopted the best candidate, and why
 * @param adoptionLines what the tune prints about that decision
 */
@API(status = INTERNAL, since = "0.1")
public record TuneResult(
        Path record,
        List<Evaluation> iterations,
        Evaluation seed,
        Evaluation best,
        boolean written,
        String diff,
        String stopReason,
        Adoption adoption,
        List<String> adoptionLines) {

    public TuneResult {
        Objects.requireNonNull(record, "record");
        iterations = List.copyOf(iterations);
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(diff, "diff");
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(adoption, "adoption");
        adoptionLines = List.copyOf(adoptionLines);
    }

    /** Whether the best candidate is better than the seed on the selection cases (adopted or not). */
    public boolean improved() {
        return best != seed;
    }
}
