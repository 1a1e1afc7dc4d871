/**
 * Accuracy and calibration metrics of a run: accuracy with a Wilson interval, Brier score, expected calibration
 * error (equal-width and equal-mass bins), AUROC, reliability bins and over/underconfidence rates.
 *
 * <p>Everything here is a pure function of an immutable list of {@link dev.rpt.core.calibration.CaseOutcome}s: no
 * I/O, no shared state, O(n log n). An undefined metric (no cases, no confidences, only one class for AUROC) is an
 * empty optional, never {@code NaN} and never a made-up {@code 0}, so a report or a gate can tell "not measured" from
 * "measured as zero". The user manual page is {@code docs/calibration.md}.
 */
package dev.rpt.core.calibration;
