package dev.rpt.core.eval;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import org.apiguardian.api.API;

/** A failed assertion about a model's answer, with its {@link FailureKind}. */
@API(status = INTERNAL, since = "0.1")
public class AnswerAssertionError extends AssertionError {

    private static final long serialVersionUID = 1L;
    private final FailureKind kind;

    public AnswerAssertionError(FailureKind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** What kind of failure this is. */
    public FailureKind kind() {
        return kind;
    }

    /** The kind of any assertion failure: {@link FailureKind#OTHER} unless it is an {@code AnswerAssertionError}. */
    public static FailureKind kindOf(Throwable failure) {
        return failure instanceof AnswerAssertionError answerFailure ? answerFailure.kind() : FailureKind.OTHER;
    }
}
