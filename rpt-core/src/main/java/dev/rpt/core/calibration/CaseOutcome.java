package dev.rpt.core.calibration;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * The input of the metrics for one case: its verdict, the confidence the model stated, and whether the answer broke the
 * required format.
 *
 * <p>Errored cases are part of the input on purpose, so that one case list can be grouped and measured without the
 * caller keeping side counts; the metrics count them in {@link Metrics#errored()} and leave them out of everything
 * else.
 *
 * @param verdict passed, failed or errored
 * @param confidence the model's confidence in {@code [0, 1]}, or empty when it gave none; never filled with a default,
 *     because a guessed confidence would be measured as if the model had said it
 * @param formatError whether the answer did not follow the required format; it is the caller who decides whether
 *     such an answer passed (normally it fails)
 */
@API(status = INTERNAL, since = "0.1")
public record CaseOutcome(Verdict verdict, OptionalDouble confidence, boolean formatError) {

    public CaseOutcome {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(confidence, "confidence (use OptionalDouble.empty() when the model gave none)");
        if (confidence.isPresent()) {
            double value = confidence.getAsDouble();
            if (!(value >= 0.0 && value <= 1.0)) {
                throw new IllegalArgumentException("confidence must be a number between 0 and 1, was " + value
                        + ". Reject or report such an answer where it is parsed; do not pass it to the metrics.");
            }
        }
        if (verdict == Verdict.ERRORED && (confidence.isPresent() || formatError)) {
            throw new IllegalArgumentException(
                    "an ERRORED case has no answer, so it can have neither a confidence nor a"
                            + " format error. Use FAILED for an answer that was obtained but is wrong or malformed.");
        }
    }

    /** A passed case with the model's confidence. */
    public static CaseOutcome passed(double confidence) {
        return new CaseOutcome(Verdict.PASSED, OptionalDouble.of(confidence), false);
    }

    /** A failed case with the model's confidence. */
    public static CaseOutcome failed(double confidence) {
        return new CaseOutcome(Verdict.FAILED, OptionalDouble.of(confidence), false);
    }

    /** A passed case for which the model stated no confidence. */
    public static CaseOutcome passedWithoutConfidence() {
        return new CaseOutcome(Verdict.PASSED, OptionalDouble.empty(), false);
    }

    /** A failed case for which the model stated no confidence. */
    public static CaseOutcome failedWithoutConfidence() {
        return new CaseOutcome(Verdict.FAILED, OptionalDouble.empty(), false);
    }

    /** A case that produced no answer. */
    public static CaseOutcome errored() {
        return new CaseOutcome(Verdict.ERRORED, OptionalDouble.empty(), false);
    }

    /** Whether the case was scored, that is, did not error. */
    public boolean scored() {
        return verdict != Verdict.ERRORED;
    }

    /** Whether the case passed. */
    public boolean correct() {
        return verdict == Verdict.PASSED;
    }
}
