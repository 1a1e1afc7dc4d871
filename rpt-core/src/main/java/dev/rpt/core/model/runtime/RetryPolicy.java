package dev.rpt.core.model.runtime;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * When and how long to wait before sending a failed request again.
 *
 * <p>The base delay before retry {@code n} (1 for the first retry) is {@code initialBackoff * multiplier^(n-1)},
 * capped at {@code maxBackoff}. Jitter then shortens it by up to {@code jitter} of itself, so that callers throttled
 * together do not come back together; it never lengthens it, so {@code maxBackoff} stays a true cap.
 *
 * @param maxAttempts attempts per call, the first included; 1 disables retries
 * @param initialBackoff the base delay before the first retry
 * @param multiplier how much the base delay grows per retry
 * @param maxBackoff the longest single backoff (a provider's {@code retry-after} may ask for more, and is honoured)
 * @param jitter the fraction in {@code [0, 1]} by which a delay may be shortened at random
 * @param maxTotalWait the cap on the total time one call spends waiting between its attempts
 */
@API(status = INTERNAL, since = "0.1")
public record RetryPolicy(
        int maxAttempts,
        Duration initialBackoff,
        double multiplier,
        Duration maxBackoff,
        double jitter,
        Duration maxTotalWait) {

    /** Default of {@link RptConstants#RETRY_MAX_ATTEMPTS}. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    /** Default of {@link RptConstants#RETRY_INITIAL_BACKOFF}. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
    /** Default of {@link RptConstants#RETRY_MAX_WAIT}. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(2);
    /** The longest single backoff; not configurable, because the total-wait cap is what users reason about. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
    /** The allowed range of {@link RptConstants#RETRY_MAX_ATTEMPTS}. */
    public static final int MAX_ATTEMPTS_LIMIT = 100;

    private static final double DEFAULT_MULTIPLIER = 2.0;
    private static final double DEFAULT_JITTER = 0.2;

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        requireNotNegative(initialBackoff, "initialBackoff");
        requireNotNegative(maxBackoff, "maxBackoff");
        requireNotNegative(maxTotalWait, "maxTotalWait");
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number >= 1, got " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be in [0, 1], got " + jitter);
        }
    }

    /** The defaults: 5 attempts, 1s doubling up to 30s each, 20% jitter, at most 2m of waiting per call. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(
                DEFAULT_MAX_ATTEMPTS,
                DEFAULT_INITIAL_BACKOFF,
                DEFAULT_MULTIPLIER,
                DEFAULT_MAX_BACKOFF,
                DEFAULT_JITTER,
                DEFAULT_MAX_WAIT);
    }

    /**
     * Reads {@link RptConstants#RETRY_MAX_ATTEMPTS}, {@link RptConstants#RETRY_INITIAL_BACKOFF} and {@link
     * RptConstants#RETRY_MAX_WAIT}; anything unset keeps its default.
     *
     * @throws dev.rpt.core.config.ConfigException naming the key of an invalid value
     */
    public static RetryPolicy from(RptConfig config) {
        int attempts = config.integer(RptConstants.RETRY_MAX_ATTEMPTS, 1, MAX_ATTEMPTS_LIMIT)
                .orElse(DEFAULT_MAX_ATTEMPTS);
        Duration initial = config.duration(RptConstants.RETRY_INITIAL_BACKOFF).orElse(DEFAULT_INITIAL_BACKOFF);
        Duration maxWait = config.duration(RptConstants.RETRY_MAX_WAIT).orElse(DEFAULT_MAX_WAIT);
        // A configured first backoff above the default cap is taken as the user's intent, not silently shortened.
        Duration maxBackoff = initial.compareTo(DEFAULT_MAX_BACKOFF) > 0 ? initial : DEFAULT_MAX_BACKOFF;
        return new RetryPolicy(attempts, initial, DEFAULT_MULTIPLIER, maxBackoff, DEFAULT_JITTER, maxWait);
    }

    /**
     * The delay before retry {@code retry}, with jitter.
     *
     * @param retry 1 for the first retry (after the first attempt failed)
     * @param random a number in {@code [0, 1)}; 0 gives the full base delay
     */
    public Duration backoff(int retry, double random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be at least 1, got " + retry);
        }
        double base = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() * Math.pow(multiplier, retry - 1.0));
        return Duration.ofMillis(Math.round(base * (1.0 - jitter * random)));
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " cannot be negative, got " + duration);
        }
    }
}
