package dev.rpt.core.model.runtime;

import dev.rpt.core.config.RptConstants;
import dev.rpt.core.model.EmbeddingModel;
import dev.rpt.core.model.Embeddings;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.ReplayMissException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Serves embeddings from the {@link ResponseCache} by the texts they embed, as {@link CachingChatModel} serves chat
 * replies: a tune whose diagnosis grouped failure labels by their embeddings then replays from its recording with
 * {@code rpt.cache=replay-only}. Only replies are stored; a failed call stores nothing.
 */
final class CachingEmbeddingModel implements EmbeddingModel {

    private final EmbeddingModel delegate;
    private final ResponseCache cache;
    private final CachePolicy policy;
    private final CacheEndpoint endpoint;
    private final ServedFromCache served;

    CachingEmbeddingModel(EmbeddingModel delegate, ResponseCache cache, CacheMode mode, CacheEndpoint endpoint) {
        this(delegate, cache, CachePolicy.of(mode), endpoint, ServedFromCache.NOWHERE);
    }

    /** @param served told of every answer served from the cache */
    CachingEmbeddingModel(
            EmbeddingModel delegate,
            ResponseCache cache,
            CachePolicy policy,
            CacheEndpoint endpoint,
            ServedFromCache served) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.served = Objects.requireNonNull(served, "served");
    }

    @Override
    public Embeddings embed(List<String> texts) {
        CacheMode mode = policy.mode();
        if (mode == CacheMode.OFF || texts.isEmpty()) {
            return delegate.embed(texts);
        }
        String key = CacheKey.ofEmbeddings(endpoint, texts);
        Optional<ResponseCache.Entry<Embeddings>> hit = cache.entry(key, Embeddings.class);
        if (hit.isPresent() && policy.serves(hit.get().writtenAt())) {
            served.served(hit.get().writtenAt(), policy.tooOld(hit.get().writtenAt()));
            return hit.get().value().asCached();
        }
        if (mode == CacheMode.REPLAY_ONLY) {
            throw new ReplayMissException("No cached embeddings for these " + texts.size() + " texts from "
                    + delegate.info().label() + " in " + cache.dir() + " (key " + key + "), and " + RptConstants.CACHE
                    + "=" + mode.configValue() + " forbids calling the model. Record them once with "
                    + RptConstants.CACHE + "=" + CacheMode.READ_WRITE.configValue() + ", then replay.");
        }
        Embeddings embeddings = delegate.embed(texts);
        if (mode.writes()) {
            cache.write(key, new Embeddings(embeddings.vectors(), embeddings.usage()));
        }
        return embeddings;
    }

    @Override
    public ModelInfo info() {
        return delegate.info();
    }
}
