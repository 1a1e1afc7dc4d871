package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.api.Usage;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The reply of an {@link EmbeddingModel}: one vector per input text, and what the call used, so that embeddings count
 * toward a tune's token budget and cost like every other call.
 *
 * @param vectors one vector per input text, in input order
 * @param usage the tokens the provider billed; {@link Usage#ZERO} when it reported none; for a cached reply, the
 *     tokens it used when it was recorded
 * @param cached whether the response cache served the reply
 */
@API(status = INTERNAL, since = "0.1")
public record Embeddings(List<double[]> vectors, Usage usage, boolean cached) {

    /** No vectors and no usage: the reply to an empty input, for which no call is made. */
    public static final Embeddings NONE = new Embeddings(List.of(), Usage.ZERO);

    /** A reply from the provider. */
    public Embeddings(List<double[]> vectors, Usage usage) {
        this(vectors, usage, false);
    }

    public Embeddings {
        vectors = List.copyOf(vectors);
        Objects.requireNonNull(usage, "usage");
    }

    /** The same reply, marked as served from the response cache. */
    public Embeddings asCached() {
        return new Embeddings(vectors, usage, true);
    }
}
