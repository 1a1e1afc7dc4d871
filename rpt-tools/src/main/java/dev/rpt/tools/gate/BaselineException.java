package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** A baseline that cannot be written or read; the message names the file or run and how to fix it. */
@API(status = INTERNAL, since = "0.1")
public final class BaselineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An error with its message. */
    public BaselineException(String message) {
        super(message);
    }

    /** An error with its message and cause. */
    public BaselineException(String message, Throwable cause) {
        super(message, cause);
    }
}
