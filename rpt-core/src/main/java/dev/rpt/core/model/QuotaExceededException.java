package dev.rpt.core.model;

/** The account is out of credit or hit a spend limit (e.g. OpenAI {@code insufficient_quota}). Retrying cannot help. */
public final class QuotaExceededException extends ModelException {

    private static final long serialVersionUID = 1L;

    public QuotaExceededException(String message) {
        super(message, null);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
