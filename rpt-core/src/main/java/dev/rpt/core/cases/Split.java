package dev.rpt.core.cases;

/** Which side of the tuning split a case is on. */
public enum Split {
    /** A case the optimizer may see and tune against. */
    TUNE,
    /** A held-out case: used to select and check prompts, never shown to the optimizer. */
    HOLDOUT
}
