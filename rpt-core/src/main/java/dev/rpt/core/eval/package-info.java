/**
 * Evaluation of one case: the model's {@link dev.rpt.api.Answer} with its confidence, how it is extracted
 * from a reply, and the outcome of the case.
 */
package dev.rpt.core.eval;
