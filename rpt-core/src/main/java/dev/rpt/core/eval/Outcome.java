package dev.rpt.core.eval;

/** How a case ended. Every case ends in exactly one of these. */
public enum Outcome {
    /** The user's assertions held. */
    PASSED,
    /** An assertion failed: the model answered, and the answer was wrong. */
    FAILED,
    /**
     * The case could not be judged: a transport, provider or parse error. Errored cases are counted apart and never
     * scored as wrong answers.
     */
    ERRORED
}
