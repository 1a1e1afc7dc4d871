package dev.rpt.core.model;

/** The provider rejected the credentials (HTTP 401 or 403). Retrying cannot help. */
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
