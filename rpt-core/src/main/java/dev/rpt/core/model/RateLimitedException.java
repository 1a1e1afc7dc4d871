package dev.rpt.core.model;

import java.time.Duration;
import java.util.Optional;

/** The provider throttled the call (HTTP 429); it may say how long to wait. */
public final class RateLimitedException extends ModelException {

    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(message, null);
        this.retryAfter = retryAfter;
    }

    @Override
    public boolean retryable() {
        return true;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
