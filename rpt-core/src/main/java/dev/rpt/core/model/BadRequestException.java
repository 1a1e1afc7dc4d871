package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** The provider rejected the request itself (HTTP 400, 404, 422 …). Carries the provider's own message. */
@API(status = INTERNAL, since = "0.1")
public final class BadRequestException extends ModelException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String providerMessage;

    public BadRequestException(int status, String providerMessage) {
        super("HTTP " + status + " bad request: " + providerMessage, null);
        this.status = status;
        this.providerMessage = providerMessage;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** What the provider said was wrong, as an excerpt. */
    public String providerMessage() {
        return providerMessage;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
