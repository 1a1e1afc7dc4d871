package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/** The provider failed or is overloaded (HTTP 5xx, Anthropic 529). */
@API(status = INTERNAL, since = "0.1")
public final class ServerErrorException extends ModelException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient Duration retryAfter;

    public ServerErrorException(int status, String message, Duration retryAfter) {
        super(message, null);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status. */
    public int status() {
        return status;
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
