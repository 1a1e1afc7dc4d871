package dev.rpt.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Where a case's confidence comes from. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ConfidenceMode {
    /** The model states it: the {@code confidence} field of the {@code {answer, confidence, justification}} reply. */
    VERBALIZED,
    /** The probability of the answer's tokens, from the provider's token log-probabilities. */
    LOGPROBS,
    /** The share of k independent samples that agree with the majority answer. */
    CONSISTENCY
}
