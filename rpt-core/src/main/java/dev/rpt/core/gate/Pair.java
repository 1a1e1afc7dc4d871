package dev.rpt.core.gate;

import dev.rpt.core.calibration.CaseOutcome;

/**
 * One case as the baseline and the current run saw it; both scored.
 *
 * @param baseline the baseline's outcome
 * @param current the current run's outcome
 */
record Pair(CaseOutcome baseline, CaseOutcome current) {

    /** Whether both stated a confidence, so the pair counts for ECE and Brier. */
    boolean calibrated() {
        return baseline.confidence().isPresent() && current.confidence().isPresent();
    }
}
