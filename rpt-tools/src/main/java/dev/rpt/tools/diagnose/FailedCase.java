package dev.rpt.tools.diagnose;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.report.ToolUse;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * One failed case of an evaluation on the tune split, as the analysis needs it.
 *
 * @param id the case id, unique within the evaluation
 * @param vars the template variables the case filled in
 * @param answer the model's answer text; empty when it gave none
 * @param confidence the confidence the model stated, if any
 * @param justification the model's justification, if any
 * @param failureKind the assertion's failure kind id, e.g. {@code value} or {@code format}
 * @param failureMessage the assertion's message
 * @param expected what the assertion expected, e.g. {@code the number 64}, when it said
 * @param problem what was wrong beyond the value, e.g. {@code the answer holds no number}, when the assertion knew
 * @param tools the case's trajectory and tool-use scores, for a tool-calling prompt
 */
@API(status = INTERNAL, since = "0.1")
public record FailedCase(
        String id,
        Map<String, String> vars,
        String answer,
        OptionalDouble confidence,
        Optional<String> justification,
        String failureKind,
        String failureMessage,
        Optional<String> expected,
        Optional<String> problem,
        Optional<ToolUse> tools) {

    /** A failure of a prompt without tools. */
    public FailedCase(
            String id,
            Map<String, String> vars,
            String answer,
            OptionalDouble confidence,
            Optional<String> justification,
            String failureKind,
            String failureMessage,
            Optional<String> expected,
            Optional<String> problem) {
        this(
                id,
                vars,
                answer,
                confidence,
                justification,
                failureKind,
                failureMessage,
                expected,
                problem,
                Optional.empty());
    }

    /** A failure known by its kind and message alone, e.g. a plain AssertJ assertion. */
    public FailedCase(
            String id,
            Map<String, String> vars,
            String answer,
            OptionalDouble confidence,
            Optional<String> justification,
            String failureKind,
            String failureMessage) {
        this(
                id,
                vars,
                answer,
                confidence,
                justification,
                failureKind,
                failureMessage,
                Optional.empty(),
                Optional.empty());
    }

    public FailedCase {
        Objects.requireNonNull(id, "id");
        vars = Map.copyOf(vars);
        answer = answer == null ? "" : answer;
        Objects.requireNonNull(confidence, "confidence (use OptionalDouble.empty() when the model gave none)");
        Objects.requireNonNull(justification, "justification (use Optional.empty() when the model gave none)");
        failureKind = failureKind == null || failureKind.isBlank() ? "other" : failureKind.strip();
        failureMessage = failureMessage == null ? "" : failureMessage;
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(tools, "tools");
    }
}
