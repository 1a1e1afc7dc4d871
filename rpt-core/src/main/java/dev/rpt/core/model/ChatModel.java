package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.chat.ChatRequest;
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

    /** What this model is: provider, model name, and whether it is a simulator. */
    ModelInfo info();

    /** Releases connections and threads. The default does nothing. */
    @Override
    default void close() {}
}
