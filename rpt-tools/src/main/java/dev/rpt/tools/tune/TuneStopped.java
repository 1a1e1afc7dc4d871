package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** The tune cannot go on: the optimizer misbehaves beyond the corrective retries, or the provider stays down. */
@API(status = INTERNAL, since = "0.1")
public final class TuneStopped extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TuneStopped(String message, Throwable cause) {
        super(message, cause);
    }
}
