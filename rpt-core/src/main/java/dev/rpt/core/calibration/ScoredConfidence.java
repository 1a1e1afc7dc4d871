package dev.rpt.core.calibration;

/** A scored case that has a confidence: the only kind the calibration metrics can use. */
record ScoredConfidence(double confidence, boolean correct) {

    /** 1 for a right answer, 0 for a wrong one: the target the confidence is compared against. */
    double outcome() {
        return correct ? 1.0 : 0.0;
    }
}
