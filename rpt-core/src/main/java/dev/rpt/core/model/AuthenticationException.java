package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** The provider rejected the credentials (HTTP 401 or 403). Retrying cannot help. */
@API(status = INTERNAL, since = "0.1")
public final class AuthenticationException extends ModelException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public AuthenticationException(int status, String message) {
        super(message, null);
        this.status = status;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
