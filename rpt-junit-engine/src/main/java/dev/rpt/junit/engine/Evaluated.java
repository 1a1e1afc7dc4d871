package dev.rpt.junit.engine;

import dev.rpt.api.Answer;
import java.util.Optional;

/**
 * The model's side of one case: its answer, or the error that prevented one.
 *
 * @param answer the answer, when the call succeeded
 * @param error the error, when it did not
 * @param latencyMs the wall time of the model calls
 */
record Evaluated(Optional<Answer> answer, Optional<RuntimeException> error, long latencyMs) {

    static Evaluated answered(Answer answer, long latencyMs) {
        return new Evaluated(Optional.of(answer), Optional.empty(), latencyMs);
    }

    static Evaluated failed(RuntimeException error, long latencyMs) {
        return new Evaluated(Optional.empty(), Optional.of(error), latencyMs);
    }
}
