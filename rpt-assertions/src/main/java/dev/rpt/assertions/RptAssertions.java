package dev.rpt.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rpt.api.Answer;
import org.apiguardian.api.API;

/** The entry point: {@code import static dev.rpt.assertions.RptAssertions.assertThat;}. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RptAssertions {

    private RptAssertions() {}

    /** Starts assertions about a model's answer. */
    public static AnswerAssert assertThat(Answer actual) {
        return new AnswerAssert(actual);
    }
}
