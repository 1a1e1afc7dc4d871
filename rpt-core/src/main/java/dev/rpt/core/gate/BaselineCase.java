package dev.rpt.core.gate;

import dev.rpt.core.calibration.Verdict;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One case in a baseline, its samples folded into one outcome.
 *
 * @param method the test method
 * @param id the case id
 * @param verdict passed (every scored sample passed), failed, or errored (no sample produced an answer; only in a
 *     forced baseline)
 * @param confidence the mean stated confidence of the scored samples; empty when none stated one
 * @param samples the case's samples in the run, 1 unless the run repeated cases
 * @param passes how many samples passed
 */
public record BaselineCase(
        String method, String id, Verdict verdict, OptionalDouble confidence, int samples, int passes) {

    public BaselineCase {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(confidence, "confidence");
        if (samples < 1 || passes < 0 || passes > samples) {
            throw new IllegalArgumentException("case " + method + "[" + id + "] needs 1 <= samples and 0 <= passes"
                    + " <= samples, got samples=" + samples + ", passes=" + passes);
        }
        if (confidence.isPresent() && !(confidence.getAsDouble() >= 0 && confidence.getAsDouble() <= 1)) {
            throw new IllegalArgumentException(
                    "case " + method + "[" + id + "] has confidence " + confidence.getAsDouble() + " outside [0, 1]");
        }
    }

    CaseKey key() {
        return new CaseKey(method, id);
    }
}
