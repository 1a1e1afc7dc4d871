package dev.rpt.core.calibration;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** How one prompt-test case ended. */
@API(status = INTERNAL, since = "0.1")
public enum Verdict {
    /** The model answered and the case's assertions accepted the answer. */
    PASSED,
    /** The model answered and the case's assertions rejected the answer (including unparseable answers). */
    FAILED,
    /**
     * No answer was obtained (a transport, quota or timeout error, for instance). Errored cases are counted but never
     * scored: an outage says nothing about the prompt, so it must not lower accuracy or calibration.
     */
    ERRORED
}
