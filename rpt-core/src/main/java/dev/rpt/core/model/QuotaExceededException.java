package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** The account is out of credit or hit a spend limit (e.g. OpenAI {@code insufficient_quota}). Retrying cannot help. */
@API(status = INTERNAL, since = "0.1")
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
