package dev.rpt.core.model;

/** The cache runs in {@code replay-only} mode and holds no response for this request. */
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
