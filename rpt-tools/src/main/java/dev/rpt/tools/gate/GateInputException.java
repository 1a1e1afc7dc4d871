package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * A run report the gate cannot check, with what to do about it: one written by an rpt that did not record the class
 * verdicts, or one without a verdict for a class it lists. A front end turns it into a failed build; any other
 * exception from the gate is a bug and is reported as one.
 */
@API(status = INTERNAL, since = "0.3")
public final class GateInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    GateInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An input the gate cannot check, said in a message that names what to do. */
    public GateInputException(String message) {
        super(message);
    }
}
