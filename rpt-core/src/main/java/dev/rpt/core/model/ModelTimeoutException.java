package dev.rpt.core.model;

/** The call did not complete within the configured timeout. */
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
