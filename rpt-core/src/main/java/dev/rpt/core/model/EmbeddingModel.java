package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A model that turns texts into vectors, e.g. to cluster failure-mode labels. Implementations are thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public interface EmbeddingModel {

    /**
     * Embeds the texts in one call.
     *
     * @param texts the texts; an empty list gives an empty list without calling the provider
     * @return one vector per text, in the order of {@code texts}, and the call's usage
     * @throws ModelException when the provider, the transport or the response fails
     */
    Embeddings embed(List<String> texts);

    /** What this model is: provider, model name, and whether it is a simulator. */
    ModelInfo info();
}
