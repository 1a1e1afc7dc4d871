package dev.rpt.core.report;

import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.cases.Split;
import dev.rpt.core.eval.FailureKind;
import dev.rpt.core.model.Usage;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One case of a run, as the report records it.
 *
 * @param className the prompt test class
 * @param method the test method
 * @param id the case id, unique within the method
 * @param split the case's split
 * @param vars the case's variables
 * @param verdict passed, failed or errored
 * @param answer the answer text; empty when the case errored before an answer
 * @param confidence the confidence; empty when missing
 * @param formatError whether the reply missed the requested structure
 * @param failure for a failed case: the assertion's kind and message
 * @param error for an errored case: the error's type and message
 * @param usage the tokens of the case's model calls
 * @param cached whether the answer came from the response cache
 * @param latencyMs the wall time of the case's model calls, in milliseconds
 */
public record CaseRecord(
        String className,
        String method,
        String id,
        Split split,
        Map<String, String> vars,
        Verdict verdict,
        Optional<String> answer,
        OptionalDouble confidence,
        boolean formatError,
        Optional<Failure> failure,
        Optional<Failure> error,
        Usage usage,
        boolean cached,
        long latencyMs) {

    public CaseRecord {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(split, "split");
        vars = Map.copyOf(vars);
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(usage, "usage");
        if (verdict == Verdict.FAILED && failure.isEmpty()) {
            throw new IllegalArgumentException("a failed case needs its failure");
        }
        if (verdict == Verdict.ERRORED && error.isEmpty()) {
            throw new IllegalArgumentException("an errored case needs its error");
        }
    }

    /** What the metrics need of this case. */
    public CaseOutcome outcome() {
        return verdict == Verdict.ERRORED ? CaseOutcome.errored() : new CaseOutcome(verdict, confidence, formatError);
    }

    /**
     * Why a case did not pass.
     *
     * @param kind for a failure, the {@link FailureKind} id; for an error, the exception's simple class name
     * @param message the message
     */
    public record Failure(String kind, String message) {
        public Failure {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }
}
