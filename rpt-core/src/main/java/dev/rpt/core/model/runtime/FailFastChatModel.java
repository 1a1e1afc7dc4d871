package dev.rpt.core.model.runtime;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.AuthenticationException;
import dev.rpt.core.model.BadRequestException;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ModelException;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.ProviderStoppedException;
import dev.rpt.core.model.QuotaExceededException;
import dev.rpt.core.model.TransportException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stops calling the provider once every further call would fail the same way, so that a run against a dead server or
 * with a rejected key ends in seconds with one clear message instead of thousands of identical errors and a stack
 * trace each. It stops after the first error that is about the account or the model rather than the request: the key
 * rejected (401, 403), the model not found (404), the account out of credit; or after {@value
 * #CONNECTION_FAILURES_IN_A_ROW} connection failures in a row, each of them already retried. From then on every call
 * throws {@link ProviderStoppedException} without reaching the provider. A reply resets the count of connection
 * failures, so a server that drops one connection now and then is not given up on.
 *
 * <p>It sits inside the concurrency limit, so that a call queued for a permit before the stop is not sent after it,
 * and inside the response cache, so that answers already cached are still served.
 */
final class FailFastChatModel implements ChatModel {

    /** Connection failures in a row, each after its retries, that mean the server is gone. */
    static final int CONNECTION_FAILURES_IN_A_ROW = 3;

    private final ChatModel delegate;
    private final AtomicReference<ModelException> stoppedBy = new AtomicReference<>();
    private final AtomicInteger connectionFailures = new AtomicInteger();

    FailFastChatModel(ChatModel delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        ModelException stopped = stoppedBy.get();
        if (stopped != null) {
            throw stoppedException(stopped);
        }
        try {
            ChatResponse response = delegate.chat(request);
            connectionFailures.set(0);
            return response;
        } catch (ModelException e) {
            if (isFatal(e)
                    || (e instanceof TransportException
                            && connectionFailures.incrementAndGet() >= CONNECTION_FAILURES_IN_A_ROW)) {
                stoppedBy.compareAndSet(null, e);
            }
            throw e;
        }
    }

    /** The error that stopped the calls, if one did. */
    Optional<ModelException> stoppedBy() {
        return Optional.ofNullable(stoppedBy.get());
    }

    private ProviderStoppedException stoppedException(ModelException first) {
        return new ProviderStoppedException(
                "calling " + delegate.info().label() + " after "
                        + (first instanceof TransportException
                                ? CONNECTION_FAILURES_IN_A_ROW + " connection failures in a row"
                                : "an error that every call would repeat")
                        + ". " + fix(first) + " The first error: " + first.getMessage(),
                first);
    }

    private static boolean isFatal(ModelException e) {
        return e instanceof AuthenticationException
                || e instanceof QuotaExceededException
                || (e instanceof BadRequestException bad && bad.status() == 404);
    }

    /** What the user can do about the error that stopped the calls. */
    static String fix(ModelException first) {
        if (first instanceof AuthenticationException) {
            return "The provider rejected the API key: set the environment variable named by rpt.api-key-env to a"
                    + " valid key for this provider.";
        }
        if (first instanceof QuotaExceededException) {
            return "The account is out of credit or over its spend limit: add credit or raise the limit, or use"
                    + " another key.";
        }
        if (first instanceof BadRequestException) {
            return "The server answered 404: check rpt.model (the model must exist on this server) and rpt.base-url"
                    + " (it usually ends in /v1).";
        }
        return "The connection to the server keeps failing: check that the server is running and that rpt.base-url"
                + " points to it.";
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
