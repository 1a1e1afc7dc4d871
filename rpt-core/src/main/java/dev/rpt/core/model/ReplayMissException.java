package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** The cache runs in {@code replay-only} mode and holds no response for this request. */
@API(status = INTERNAL, since = "0.1")
public final class ReplayMissException extends ModelException {

    private static final long serialVersionUID = 1L;

    public ReplayMissException(String message) {
        super(message, null);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
