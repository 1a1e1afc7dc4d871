/**
 * The reflective tuner: an optimizer model, through function calling, evaluates candidate prompts with the
 * diagnostic function, reads the diagnostic report (failure modes, calibration, deltas against its memory of earlier
 * reports), and patches the prompt until the tests and the calibration thresholds pass. The best candidate on the
 * held-out cases is written back, atomically, only if it beats the seed.
 */
package dev.rpt.tools.tune;
