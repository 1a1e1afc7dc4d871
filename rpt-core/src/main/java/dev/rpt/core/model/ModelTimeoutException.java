package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** The call did not complete within the configured timeout. */
@API(status = INTERNAL, since = "0.1")
public final class ModelTimeoutException extends ModelException {

    private static final long serialVersionUID = 1L;

    public ModelTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
