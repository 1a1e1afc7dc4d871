package dev.rpt.core.model;

/** The connection failed: refused, reset, or closed before the response was complete. */
public final class TransportException extends ModelException {

    private static final long serialVersionUID = 1L;

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
