package dev.rpt.core.model.runtime;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ModelInfo;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * Holds a {@link ConcurrencyLimiter} permit for the whole of a call, retries and the waits between them included.
 *
 * <p>Why the whole call: retries mostly follow throttling (429, 529, timeouts under load). Releasing the permit while
 * backing off would let a waiting caller start a fresh request at the very moment the provider asked us to slow down,
 * so the limit would stop bounding the pressure on the provider; and the retried call would have to queue again
 * behind callers that arrived after it. A permit idle during a backoff costs a little throughput only when the
 * provider is already refusing work.
 */
final class LimitedChatModel implements ChatModel {

    private final ChatModel delegate;
    private final ConcurrencyLimiter limiter;

    LimitedChatModel(ChatModel delegate, ConcurrencyLimiter limiter) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
    }

    /**
     * {@inheritDoc}
     *
     * @throws CancellationException when the thread is interrupted while waiting for a permit; the interrupt flag
     *     is set again, and no request was sent
     */
    @Override
    public ChatResponse chat(ChatRequest request) {
        ConcurrencyLimiter.Permit permit;
        try {
            permit = limiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException cancelled = new CancellationException("Interrupted while waiting for one of "
                    + limiter.limit() + " concurrency permits; no request sent");
            cancelled.initCause(e);
            throw cancelled;
        }
        try (permit) {
            ChatResponse response = delegate.chat(request);
            permit.succeeded();
            return response;
        }
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
