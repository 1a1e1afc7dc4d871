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
 * @param usage the tokens the provider billed; {@link Usage#ZERO} when it reported none
 */
@API(status = INTERNAL, since = "0.1")
public record Embeddings(List<double[]> vectors, Usage usage) {

    /** No vectors and no usage: the reply to an empty input, for which no call is made. */
    public static final Embeddings NONE = new Embeddings(List.of(), Usage.ZERO);

    public Embeddings {
        vectors = List.copyOf(vectors);
        Objects.requireNonNull(usage, "usage");
    }
}
