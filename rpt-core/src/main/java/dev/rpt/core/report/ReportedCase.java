package dev.rpt.core.report;

import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.cases.Split;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One case as a report reader sees it.
 *
 * @param className the prompt test class
 * @param method the test method
 * @param id the case id
 * @param split tune or held-out
 * @param vars the case's variables
 * @param verdict passed, failed or errored
 * @param answer the answer text, when there was one
 * @param confidence the confidence, when there was one
 * @param formatError whether the reply missed the requested structure
 * @param failure the failed assertion's kind and message
 * @param error the error's kind and message
 * @param justification the model's justification, when it gave one
 * @param sample the sample index, 0 unless the run repeated cases
 */
public record ReportedCase(
        String className,
        String method,
        String id,
        Split split,
        Map<String, String> vars,
        Verdict verdict,
        Optional<String> answer,
        OptionalDouble confidence,
        boolean formatError,
        Optional<CaseRecord.Failure> failure,
        Optional<CaseRecord.Failure> error,
        Optional<String> justification,
        int sample) {

    public ReportedCase {
        Objects.requireNonNull(id, "id");
        vars = Map.copyOf(vars);
    }

    /** What the metrics need of this case. */
    public CaseOutcome outcome() {
        return verdict == Verdict.ERRORED ? CaseOutcome.errored() : new CaseOutcome(verdict, confidence, formatError);
    }
}
