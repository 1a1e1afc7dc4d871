package dev.rpt.core.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.api.Judgement;
import dev.rpt.api.Split;
import dev.rpt.api.Usage;
import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.config.ModelTarget;
import dev.rpt.core.eval.AnswerAssertionError;
import dev.rpt.core.eval.FailureKind;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * One case of a run, as the report records it. The constructor rejects combinations the report cannot state
 * consistently: a failure on a case that did not fail, an error on a case that did not error, a confidence or format
 * error on an errored case, a confidence outside {@code [0, 1]}, a negative latency.
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
 * @param justification the model's justification of its answer, if it gave one; the tuner's critic reads it
 * @param sample which independent sample of the case this is, 0 for the first; with {@code rpt.repeat=N} a case
 *     has N records with the same id
 * @param mustPass whether the case is a contract that must pass (every sample) even in a class judged by its
 *     thresholds
 * @param model the name of the model configuration the case ran on ({@code rpt.models.<name>}); empty in a run with
 *     one unnamed model
 * @param judgements the judge's verdicts on the test's {@code @Criterion}s, in declaration order; empty when the test
 *     declares none or the case errored before it was judged
 * @param labels the people's verdicts on this very answer, by criterion, from the labels file ({@code
 *     rpt.judge.labels}); empty when none names it. They take precedence over a case file's criterion column
 * @param tools the case's trajectory and its tool-use scores, for a prompt that declares tools; empty otherwise
 */
@API(status = INTERNAL, since = "0.1")
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
        long latencyMs,
        Optional<String> justification,
        int sample,
        boolean mustPass,
        Optional<String> model,
        List<Judgement> judgements,
        Map<String, Boolean> labels,
        Optional<ToolUse> tools) {

    public CaseRecord {
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(model, "model");
        judgements = List.copyOf(judgements);
        labels = Map.copyOf(labels);
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
        Objects.requireNonNull(justification, "justification");
        if (sample < 0) {
            throw new IllegalArgumentException("sample cannot be negative");
        }
        String where = className + "#" + method + " case '" + id + "': ";
        if (confidence.isPresent() && !(confidence.getAsDouble() >= 0 && confidence.getAsDouble() <= 1)) {
            throw new IllegalArgumentException(where + "confidence must be in [0, 1], got " + confidence.getAsDouble()
                    + "; leave it empty when" + " the model gave no usable confidence");
        }
        if (verdict == Verdict.FAILED && failure.isEmpty()) {
            throw new IllegalArgumentException(where + "a failed case needs its failure");
        }
        if (verdict != Verdict.FAILED && failure.isPresent()) {
            throw new IllegalArgumentException(where + "only a failed case has a failure, this one is " + verdict);
        }
        if (verdict == Verdict.ERRORED && error.isEmpty()) {
            throw new IllegalArgumentException(where + "an errored case needs its error");
        }
        if (verdict != Verdict.ERRORED && error.isPresent()) {
            throw new IllegalArgumentException(where + "only an errored case has an error, this one is " + verdict);
        }
        if (verdict == Verdict.ERRORED && (confidence.isPresent() || formatError)) {
            // The metrics never see either for an errored case, so the report must not claim them.
            throw new IllegalArgumentException(
                    where + "an errored case has neither a confidence nor a format error; use FAILED for a wrong"
                            + " or malformed answer");
        }
        if (latencyMs < 0) {
            throw new IllegalArgumentException(where + "latencyMs cannot be negative, got " + latencyMs);
        }
    }

    /**
     * What groups this case with its class's other cases in reports and baselines: the class name, followed by {@code
     * [model]} when the run names its models, so each model's cases are measured and compared apart.
     */
    public String classKey() {
        return className + ModelTarget.suffix(model);
    }

    /** This case's identity: its class key, method and id. */
    public CaseKey key() {
        return new CaseKey(classKey(), method, id);
    }

    /** This case as run on the named model configuration. */
    public CaseRecord withModel(String name) {
        return toBuilder().model(name).build();
    }

    /**
     * A builder for a case of {@code className}: what is not set stays at its default (the optimization split, no
     * variables, no answer, confidence, failure or error, zero usage, the first sample, not must-pass, the one unnamed
     * model, no judgements or labels). A new field is a record component, a builder method and a default here, so
     * nothing that builds records needs to change.
     */
    public static Builder builder(String className, String method, String id) {
        return new Builder(className, method, id);
    }

    /** A builder that starts from this case. */
    public Builder toBuilder() {
        Builder builder = new Builder(className, method, id);
        builder.split = split;
        builder.vars = vars;
        builder.verdict = verdict;
        builder.answer = answer;
        builder.confidence = confidence;
        builder.formatError = formatError;
        builder.failure = failure;
        builder.error = error;
        builder.usage = usage;
        builder.cached = cached;
        builder.latencyMs = latencyMs;
        builder.justification = justification;
        builder.sample = sample;
        builder.mustPass = mustPass;
        builder.model = model;
        builder.judgements = judgements;
        builder.labels = labels;
        builder.tools = tools;
        return builder;
    }

    /** Builds a {@link CaseRecord}; {@link #build} checks it as the constructor does. Not thread-safe. */
    public static final class Builder {
        private final String className;
        private final String method;
        private final String id;
        private Split split = Split.TUNE;
        private Map<String, String> vars = Map.of();
        private Verdict verdict = Verdict.PASSED;
        private Optional<String> answer = Optional.empty();
        private OptionalDouble confidence = OptionalDouble.empty();
        private boolean formatError;
        private Optional<Failure> failure = Optional.empty();
        private Optional<Failure> error = Optional.empty();
        private Usage usage = Usage.ZERO;
        private boolean cached;
        private long latencyMs;
        private Optional<String> justification = Optional.empty();
        private int sample;
        private boolean mustPass;
        private Optional<String> model = Optional.empty();
        private List<Judgement> judgements = List.of();
        private Map<String, Boolean> labels = Map.of();
        private Optional<ToolUse> tools = Optional.empty();

        private Builder(String className, String method, String id) {
            this.className = className;
            this.method = method;
            this.id = id;
        }

        public Builder split(Split split) {
            this.split = split;
            return this;
        }

        public Builder vars(Map<String, String> vars) {
            this.vars = vars;
            return this;
        }

        /** The verdict; a failed case also needs {@link #failure}, an errored one {@link #error}. */
        public Builder verdict(Verdict verdict) {
            this.verdict = verdict;
            return this;
        }

        public Builder answer(Optional<String> answer) {
            this.answer = answer;
            return this;
        }

        public Builder answer(String answer) {
            return answer(Optional.of(answer));
        }

        public Builder confidence(OptionalDouble confidence) {
            this.confidence = confidence;
            return this;
        }

        public Builder confidence(double confidence) {
            return confidence(OptionalDouble.of(confidence));
        }

        public Builder formatError(boolean formatError) {
            this.formatError = formatError;
            return this;
        }

        public Builder failure(Optional<Failure> failure) {
            this.failure = failure;
            return this;
        }

        /** A failed case: the verdict {@link Verdict#FAILED} and its failure. */
        public Builder failed(Failure failure) {
            return verdict(Verdict.FAILED).failure(Optional.of(failure));
        }

        public Builder error(Optional<Failure> error) {
            this.error = error;
            return this;
        }

        /** An errored case: the verdict {@link Verdict#ERRORED} and its error. */
        public Builder errored(Failure error) {
            return verdict(Verdict.ERRORED).error(Optional.of(error));
        }

        public Builder usage(Usage usage) {
            this.usage = usage;
            return this;
        }

        public Builder cached(boolean cached) {
            this.cached = cached;
            return this;
        }

        public Builder latencyMs(long latencyMs) {
            this.latencyMs = latencyMs;
            return this;
        }

        public Builder justification(Optional<String> justification) {
            this.justification = justification;
            return this;
        }

        public Builder justification(String justification) {
            return justification(Optional.of(justification));
        }

        public Builder sample(int sample) {
            this.sample = sample;
            return this;
        }

        public Builder mustPass(boolean mustPass) {
            this.mustPass = mustPass;
            return this;
        }

        public Builder model(Optional<String> model) {
            this.model = model;
            return this;
        }

        public Builder model(String model) {
            return model(Optional.of(model));
        }

        public Builder judgements(List<Judgement> judgements) {
            this.judgements = judgements;
            return this;
        }

        public Builder labels(Map<String, Boolean> labels) {
            this.labels = labels;
            return this;
        }

        public Builder tools(Optional<ToolUse> tools) {
            this.tools = tools;
            return this;
        }

        /**
         * @throws IllegalArgumentException for a combination the report cannot state, as the constructor says
         */
        public CaseRecord build() {
            return new CaseRecord(
                    className,
                    method,
                    id,
                    split,
                    vars,
                    verdict,
                    answer,
                    confidence,
                    formatError,
                    failure,
                    error,
                    usage,
                    cached,
                    latencyMs,
                    justification,
                    sample,
                    mustPass,
                    model,
                    judgements,
                    labels,
                    tools);
        }
    }

    /** What the metrics need of this case. */
    public CaseOutcome outcome() {
        return new CaseOutcome(verdict, confidence, formatError);
    }

    /**
     * Why a case did not pass.
     *
     * @param kind for a failure, the {@link FailureKind} id; for an error, the exception's simple class name
     * @param message the message
     * @param expected what the assertion expected, e.g. {@code the number 64}, when it said (rpt's assertions do)
     * @param problem what was wrong beyond the value, e.g. {@code the answer holds no number}, when the assertion knew
     */
    public record Failure(String kind, String message, Optional<String> expected, Optional<String> problem) {
        /** Checks that every part is present. */
        public Failure {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(problem, "problem");
        }

        /** A failure or error known by its kind and message alone. */
        public Failure(String kind, String message) {
            this(kind, message, Optional.empty(), Optional.empty());
        }

        /** The failure of an assertion, with the structured parts an {@link AnswerAssertionError} carries. */
        public static Failure of(AssertionError failure, String message) {
            return failure instanceof AnswerAssertionError answer
                    ? new Failure(answer.kind().id(), message, answer.expected(), answer.problem())
                    : new Failure(FailureKind.OTHER.id(), message);
        }
    }
}
