package dev.rpt.core.model;

/** The provider answered with a body that is not the documented shape: truncated, not JSON, or missing required fields. Carries a safe excerpt of the body. */
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
