package dev.rpt.core.model.runtime;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ModelException;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.RateLimitedException;
import dev.rpt.core.model.ServerErrorException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Sends a request again when it failed with a {@linkplain ModelException#retryable() retryable} error, waiting with
 * exponential backoff and jitter in between, or as long as the provider's {@code retry-after} asks if that is longer.
 * It gives up after {@link RetryPolicy#maxAttempts()} attempts, or earlier when the next wait would take the call's
 * total waiting past {@link RetryPolicy#maxTotalWait()}; it then rethrows the last error with a note of the attempts
 * and the waiting, and the earlier errors attached as suppressed.
 */
final class RetryingChatModel implements ChatModel {

    private final ChatModel delegate;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final InstantSource clock;
    private final RandomGenerator random;
    private final Runnable onThrottled;

    /**
     * @param random must be safe to share between threads (e.g. {@link java.util.Random}), as calls run in parallel
     */
    RetryingChatModel(
            ChatModel delegate, RetryPolicy policy, Sleeper sleeper, InstantSource clock, RandomGenerator random) {
        this(delegate, policy, sleeper, clock, random, () -> {});
    }

    /**
     * A retrying model that reports each throttled attempt (a 429, or a 503 or 529 overload) to {@code onThrottled},
     * e.g. an adaptive {@link ConcurrencyLimiter}.
     */
    RetryingChatModel(
            ChatModel delegate,
            RetryPolicy policy,
            Sleeper sleeper,
            InstantSource clock,
            RandomGenerator random,
            Runnable onThrottled) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.onThrottled = Objects.requireNonNull(onThrottled, "onThrottled");
    }

    /** Whether a failure says the provider is overloaded or rate-limiting, so fewer calls at once would help. */
    static boolean throttled(ModelException failure) {
        return failure instanceof RateLimitedException
                || (failure instanceof ServerErrorException server
                        && (server.status() == 503 || server.status() == 529));
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        long started = clock.millis();
        List<ModelException> earlier = new ArrayList<>();
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            ModelException failure;
            try {
                return delegate.chat(request);
            } catch (ModelException e) {
                failure = e;
            }
            if (throttled(failure)) {
                onThrottled.run();
            }
            if (!failure.retryable()) {
                earlier.forEach(failure::addSuppressed);
                throw failure;
            }
            if (attempt >= policy.maxAttempts()) {
                throw RetryExhaustion.annotate(
                        failure,
                        summary(attempt, waited, started) + ", the most " + RptConstants.RETRY_MAX_ATTEMPTS + " allows",
                        earlier);
            }
            Duration delay = policy.backoff(attempt, random.nextDouble());
            Duration asked = failure.retryAfter().orElse(Duration.ZERO);
            if (asked.compareTo(delay) > 0) {
                delay = asked;
            }
            if (waited.plus(delay).compareTo(policy.maxTotalWait()) > 0) {
                throw RetryExhaustion.annotate(
                        failure,
                        summary(attempt, waited, started) + "; the next wait of " + Durations.format(delay)
                                + " would pass the total wait cap of " + Durations.format(policy.maxTotalWait())
                                + " (" + RptConstants.RETRY_MAX_WAIT + ")",
                        earlier);
            }
            earlier.add(failure);
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException interrupted) {
                // The caller wants to stop: keep the flag for it and report why the call has no answer.
                Thread.currentThread().interrupt();
                earlier.remove(earlier.size() - 1);
                ModelException stopped = RetryExhaustion.annotate(
                        failure, summary(attempt, waited, started) + "; interrupted while waiting to retry", earlier);
                stopped.addSuppressed(interrupted);
                throw stopped;
            }
            waited = waited.plus(delay);
        }
    }

    private String summary(int attempts, Duration waited, long started) {
        Duration elapsed = Duration.ofMillis(Math.max(0, clock.millis() - started));
        return "gave up after " + attempts + (attempts == 1 ? " attempt" : " attempts") + ", having waited "
                + Durations.format(waited) + " between them (" + Durations.format(elapsed) + " in all)";
    }

    @Override
    public ModelInfo info() {
        return delegate.info();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
