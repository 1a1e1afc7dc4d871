package dev.rpt.assertions;

import dev.rpt.core.eval.Answer;

/** The entry point: {@code import static dev.rpt.assertions.RptAssertions.assertThat;}. */
public final class RptAssertions {

    private RptAssertions() {}

    /** Starts assertions about a model's answer. */
    public static AnswerAssert assertThat(Answer actual) {
        return new AnswerAssert(actual);
    }
}
