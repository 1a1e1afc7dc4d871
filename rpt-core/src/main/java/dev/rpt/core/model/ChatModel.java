package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.chat.ChatRequest;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A chat model that answers one request at a time. Implementations are thread-safe: a run shares one instance
 * across all of its concurrent calls.
 */
@API(status = INTERNAL, since = "0.1")
public interface ChatModel extends AutoCloseable {

    /**
     * Sends one request and returns the model's reply.
     *
     * @throws ModelException when the provider, the transport or the response fails; never for a wrong answer
     */
    ChatResponse chat(ChatRequest request);

    /**
     * Announces requests that {@link #chat} will be asked soon, all at once, so that a layer that can answer many
     * requests together (the provider's batch API, {@code rpt.batch}) answers them ahead: their replies then wait in
     * the response cache. Blocks until that is done or given up. The default does nothing, so a model without such a
     * layer answers each request when it is asked.
     *
     * @param requests the requests, in any order; duplicates are answered once
     */
    default void prefetch(List<ChatRequest> requests) {}

    /** What this model is: provider, model name, and whether it is a simulator. */
    ModelInfo info();

    /** Releases connections and threads. The default does nothing. */
    @Override
    default void close() {}
}
