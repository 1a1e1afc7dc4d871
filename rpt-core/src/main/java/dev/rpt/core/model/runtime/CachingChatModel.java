package dev.rpt.core.model.runtime;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.model.BatchUnansweredException;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.ReplayMissException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Serves replies from a {@link ResponseCache} by the {@link CacheKey} of the request, according to a {@link
 * CacheMode}. Only replies are stored: a call that fails stores nothing, so a later run tries again.
 */
final class CachingChatModel implements ChatModel {

    private final ChatModel delegate;
    private final ResponseCache cache;
    private final CacheMode mode;
    private final CacheEndpoint endpoint;
    private final BatchPrefetcher batch;

    CachingChatModel(ChatModel delegate, ResponseCache cache, CacheMode mode, CacheEndpoint endpoint) {
        this(delegate, cache, mode, endpoint, null);
    }

    /**
     * @param batch answers uncached requests ahead through the provider's batch API ({@code rpt.batch}); null for none
     */
    CachingChatModel(
            ChatModel delegate, ResponseCache cache, CacheMode mode, CacheEndpoint endpoint, BatchPrefetcher batch) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.batch = batch;
    }

    /** Hands the requests this cache lacks, each once, to the batch prefetcher, if there is one. */
    @Override
    public void prefetch(List<ChatRequest> requests) {
        if (batch == null || mode == CacheMode.OFF) {
            return;
        }
        Map<String, ChatRequest> misses = new LinkedHashMap<>();
        for (ChatRequest request : requests) {
            String key = CacheKey.of(endpoint, request);
            if (!misses.containsKey(key) && !cache.contains(key)) {
                misses.put(key, request);
            }
        }
        if (!misses.isEmpty()) {
            batch.prefetch(misses, cache);
        }
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        if (mode == CacheMode.OFF) {
            return delegate.chat(request);
        }
        String key = CacheKey.of(endpoint, request);
        if (batch != null) {
            Optional<ChatResponse> answered = batch.take(key);
            if (answered.isPresent()) {
                return answered.get();
            }
            Optional<String> reason = batch.unanswered(key);
            if (reason.isPresent()) {
                throw new BatchUnansweredException("The provider's batch did not answer this request to "
                        + delegate.info().label() + ": " + reason.get() + ".");
            }
        }
        Optional<ChatResponse> hit = cache.read(key);
        if (hit.isPresent()) {
            return hit.get().asCached();
        }
        if (mode == CacheMode.REPLAY_ONLY) {
            Optional<Integer> foreign = cache.foreignFormat();
            if (foreign.isPresent()) {
                // After an upgrade that changed the entry format every request misses; say so once, with the fix.
                throw new ReplayMissException("The response cache " + cache.dir() + " was recorded in cache format "
                        + foreign.get() + ", and this rpt reads format " + CacheKey.FORMAT_VERSION + ", so none of"
                        + " its entries can be replayed. Record it again once: run the tests with "
                        + RptConstants.CACHE + "=" + CacheMode.READ_WRITE.configValue() + " and the model's key,"
                        + " then commit the new cache.");
            }
            throw new ReplayMissException("No cached response for this request to "
                    + delegate.info().label()
                    + " in " + cache.dir() + " (key " + key + ", file " + cache.pathOf(key) + "), and "
                    + RptConstants.CACHE + "=" + mode.configValue() + " forbids calling the model. Record the responses"
                    + " once with " + RptConstants.CACHE + "=" + CacheMode.READ_WRITE.configValue()
                    + " and the same provider, model, prompts and cases, then replay; or point "
                    + RptConstants.CACHE_DIR + " at the directory that holds the recording.");
        }
        ChatResponse response = delegate.chat(request);
        if (mode.writes()) {
            cache.write(key, response);
        }
        return response;
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
