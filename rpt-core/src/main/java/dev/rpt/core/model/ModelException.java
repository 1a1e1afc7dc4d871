package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A call to a model failed for a reason other than the content of its answer. The subtype says why and whether a
 * retry can help. Messages never contain credentials, and quote provider text only as a short {@link Excerpt}.
 */
@API(status = INTERNAL, since = "0.1")
public abstract sealed class ModelException extends RuntimeException
        permits RateLimitedException,
                QuotaExceededException,
                ServerErrorException,
                AuthenticationException,
                BadRequestException,
                ModelTimeoutException,
                TransportException,
                MalformedResponseException,
                ReplayMissException,
                ProviderStoppedException,
                BatchUnansweredException {

    private static final long serialVersionUID = 1L;

    ModelException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether sending the same request again may succeed. */
    public abstract boolean retryable();

    /** How long the provider asked us to wait before retrying, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }
}
