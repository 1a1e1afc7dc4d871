package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/** The provider throttled the call (HTTP 429); it may say how long to wait. */
@API(status = INTERNAL, since = "0.1")
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
