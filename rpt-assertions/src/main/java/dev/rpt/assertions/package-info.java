/**
 * AssertJ assertions for model answers. Start from {@link dev.rpt.assertions.RptAssertions#assertThat}. Every failure
 * is an {@link dev.rpt.core.eval.AnswerAssertionError} with a machine-readable kind, and its message shows what was
 * expected, what the model said and how confident it was.
 */
package dev.rpt.assertions;
