package dev.rpt.core.gate;

/**
 * How accuracy-like counters ({@link Counter#ACCURACY}, {@link Counter#PASS_ALL}) are compared with their bounds.
 * ECE, Brier, error rate and cost are always compared as measured.
 */
public enum CheckMode {
    /** The measured value must meet the bound. */
    POINT_ESTIMATE,
    /**
     * The 95% Wilson interval must lie on the right side of the bound: its lower end at or above a minimum, its upper
     * end at or below a maximum. Stricter, and it rewards more cases: 0.85 on 20 cases does not prove "at least 0.80".
     */
    CONFIDENCE_BOUND
}
