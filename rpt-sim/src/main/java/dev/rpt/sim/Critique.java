package dev.rpt.sim;

/**
 * One failure mode the critic names for one case.
 *
 * @param label the vocabulary entry
 * @param why what in this case shows the mistake
 * @param basis which evidence the critic read: the answer, the justification, the failure message or the confidence
 */
record Critique(FailureLabel label, String why, String basis) {}
