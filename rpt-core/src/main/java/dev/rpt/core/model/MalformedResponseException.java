package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** The provider answered with a body that is not the documented shape: truncated, not JSON, or missing required fields. Carries a safe excerpt of the body. */
@API(status = INTERNAL, since = "0.1")
public final class MalformedResponseException extends ModelException {

    private static final long serialVersionUID = 1L;

    private final String excerpt;

    public MalformedResponseException(String message, String body, Throwable cause) {
        super(message + " (body: " + Excerpt.of(body) + ")", cause);
        this.excerpt = Excerpt.of(body);
    }

    /** A short, single-line excerpt of the offending body. */
    public String excerpt() {
        return excerpt;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
