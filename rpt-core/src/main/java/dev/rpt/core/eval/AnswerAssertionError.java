package dev.rpt.core.eval;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * A failed assertion about a model's answer. Besides its message it carries the parts the run report and the failure
 * analysis read, so that nothing downstream parses the message's wording: the {@link FailureKind}, what was expected
 * (e.g. {@code the number 64}), what was wrong beyond the value when the assertion knows (e.g. {@code the answer holds
 * several numbers [3, 18]}), and the answer and confidence it judged.
 */
@API(status = INTERNAL, since = "0.1")
public class AnswerAssertionError extends AssertionError {

    private static final long serialVersionUID = 2L;

    private final FailureKind kind;
    // Nullable rather than Optional: an AssertionError is Serializable, and Optional is not.
    private final String expected;
    private final String problem;
    private final String actual;
    private final Double confidence;

    /** A failure with a kind and a message only, e.g. a wrapper around a plain assertion. */
    public AnswerAssertionError(FailureKind kind, String message) {
        this(kind, message, null, null, null, null);
    }

    /**
     * @param kind what kind of failure this is
     * @param message the whole message, as users read it
     * @param expected what the assertion expected, as a phrase; {@code null} when it does not say
     * @param problem what was wrong beyond the value, as a phrase; {@code null} when nothing else was
     * @param actual the answer text the assertion judged; {@code null} when there was none
     * @param confidence the answer's confidence; {@code null} when it stated none
     */
    public AnswerAssertionError(
            FailureKind kind, String message, String expected, String problem, String actual, Double confidence) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.expected = expected;
        this.problem = problem;
        this.actual = actual;
        this.confidence = confidence;
    }

    /** What kind of failure this is. */
    public FailureKind kind() {
        return kind;
    }

    /** What the assertion expected, e.g. {@code the number 64}. */
    public Optional<String> expected() {
        return Optional.ofNullable(expected);
    }

    /** What was wrong beyond the value, e.g. {@code the answer holds no number}. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** The answer text the assertion judged. */
    public Optional<String> actual() {
        return Optional.ofNullable(actual);
    }

    /** The confidence of the answer the assertion judged. */
    public OptionalDouble confidence() {
        return confidence == null ? OptionalDouble.empty() : OptionalDouble.of(confidence);
    }

    /** The same failure under another message, e.g. with the case id and sample tally in front. */
    public AnswerAssertionError withMessage(String message) {
        AnswerAssertionError copy = new AnswerAssertionError(kind, message, expected, problem, actual, confidence);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** The kind of any assertion failure: {@link FailureKind#OTHER} unless it is an {@code AnswerAssertionError}. */
    public static FailureKind kindOf(Throwable failure) {
        return failure instanceof AnswerAssertionError answerFailure ? answerFailure.kind() : FailureKind.OTHER;
    }
}
