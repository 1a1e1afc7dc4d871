package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The provider failed, is overloaded, or could not take the request now (HTTP 5xx, Anthropic 529, 409 conflict). It is
 * retried, unless the server said not to ({@code x-should-retry: false}).
 */
@API(status = INTERNAL, since = "0.1")
public final class ServerErrorException extends ModelException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient Duration retryAfter;
    private final boolean retryable;

    public ServerErrorException(int status, String message, Duration retryAfter) {
        this(status, message, retryAfter, true);
    }

    /** @param retryable false when the server said a retry will not help ({@code x-should-retry: false}) */
    public ServerErrorException(int status, String message, Duration retryAfter, boolean retryable) {
        super(message, null);
        this.status = status;
        this.retryAfter = retryAfter;
        this.retryable = retryable;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    @Override
    public boolean retryable() {
        return retryable;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
