package dev.rpt.core.tune;

/** The tune cannot go on: the optimizer misbehaves beyond the corrective retries, or the provider stays down. */
public final class TuneStopped extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TuneStopped(String message, Throwable cause) {
        super(message, cause);
    }
}
