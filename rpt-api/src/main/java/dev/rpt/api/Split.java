package dev.rpt.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Which side of the tuning split a case is on. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Split {
    /** A case the optimizer may see and tune against. */
    TUNE,
    /** A held-out case: used to select and check prompts, never shown to the optimizer. */
    HOLDOUT
}
