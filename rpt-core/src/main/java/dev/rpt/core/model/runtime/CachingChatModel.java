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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Serves replies from a {@link ResponseCache} by the {@link CacheKey} of the request, according to a {@link
 * CachePolicy}. Only replies are stored: a call that fails stores nothing, so a later run tries again. Every answer it
 * serves is reported with its entry's write time ({@link ServedFromCache}); when a fresh reply replaces an entry and
 * names another model snapshot, it says so once ({@link SnapshotNote}).
 */
final class CachingChatModel implements ChatModel {

    private final ChatModel delegate;
    private final ResponseCache cache;
    private final CachePolicy policy;
    private final CacheEndpoint endpoint;
    private final BatchPrefetcher batch;
    private final ServedFromCache served;
    private final SnapshotNote note;
    // The entries a batch is about to replace, to compare with the batch's replies when they are taken.
    private final Map<String, ChatResponse> replacedByBatch = new ConcurrentHashMap<>();

    CachingChatModel(ChatModel delegate, ResponseCache cache, CacheMode mode, CacheEndpoint endpoint) {
        this(delegate, cache, CachePolicy.of(mode), endpoint, null, ServedFromCache.NOWHERE, System.out::println);
    }

    /**
     * @param batch answers uncached requests ahead through the provider's batch API ({@code rpt.batch}); null for none
     * @param served told of every answer served from the cache
     * @param out where the note of a changed model snapshot goes
     */
    CachingChatModel(
            ChatModel delegate,
            ResponseCache cache,
            CachePolicy policy,
            CacheEndpoint endpoint,
            BatchPrefetcher batch,
            ServedFromCache served,
            Consumer<String> out) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.batch = batch;
        this.served = Objects.requireNonNull(served, "served");
        this.note = new SnapshotNote(delegate.info().label(), out);
    }

    /** Hands the requests this cache does not serve, each once, to the batch prefetcher, if there is one. */
    @Override
    public void prefetch(List<ChatRequest> requests) {
        if (batch == null || policy.mode() == CacheMode.OFF) {
            return;
        }
        Map<String, ChatRequest> misses = new LinkedHashMap<>();
        for (ChatRequest request : requests) {
            String key = CacheKey.of(endpoint, request);
            if (!misses.containsKey(key) && !served(key)) {
                misses.put(key, request);
            }
        }
        if (!misses.isEmpty()) {
            batch.prefetch(misses, cache);
        }
    }

    /** Whether the cache serves a key; notes the entry a batch reply will replace. */
    private boolean served(String key) {
        if (policy.servesAnyEntry()) {
            // Reading every entry twice per run would slow the common case for nothing.
            return cache.contains(key);
        }
        Optional<ResponseCache.Entry<ChatResponse>> entry = cache.entry(key, ChatResponse.class);
        if (entry.isPresent() && policy.serves(entry.get().writtenAt())) {
            return true;
        }
        entry.ifPresent(replaced -> replacedByBatch.put(key, replaced.value()));
        return false;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        if (policy.mode() == CacheMode.OFF) {
            return delegate.chat(request);
        }
        String key = CacheKey.of(endpoint, request);
        if (batch != null) {
            Optional<ChatResponse> answered = batch.take(key);
            if (answered.isPresent()) {
                ChatResponse replaced = replacedByBatch.remove(key);
                if (replaced != null) {
                    note.compare(replaced, answered.get());
                }
                return answered.get();
            }
            Optional<String> reason = batch.unanswered(key);
            if (reason.isPresent()) {
                throw new BatchUnansweredException("The provider's batch did not answer this request to "
                        + delegate.info().label() + ": " + reason.get() + ".");
            }
        }
        Optional<ResponseCache.Entry<ChatResponse>> entry = cache.entry(key, ChatResponse.class);
        if (entry.isPresent() && policy.serves(entry.get().writtenAt())) {
            served.served(entry.get().writtenAt(), policy.tooOld(entry.get().writtenAt()));
            return entry.get().value().asCached();
        }
        if (policy.mode() == CacheMode.REPLAY_ONLY) {
            throw replayMiss(key);
        }
        ChatResponse response = delegate.chat(request);
        entry.ifPresent(replaced -> note.compare(replaced.value(), response));
        if (policy.mode().writes()) {
            cache.write(key, response);
        }
        return response;
    }

    private ReplayMissException replayMiss(String key) {
        Optional<Integer> foreign = cache.foreignFormat();
        if (foreign.isPresent()) {
            // After an upgrade that changed the entry format every request misses; say so once, with the fix.
            return new ReplayMissException("The response cache " + cache.dir() + " was recorded in cache format "
                    + foreign.get() + ", and this rpt reads format " + CacheKey.FORMAT_VERSION + ", so none of"
                    + " its entries can be replayed. Record it again once: run the tests with "
                    + RptConstants.CACHE + "=" + CacheMode.READ_WRITE.configValue() + " and the model's key,"
                    + " then commit the new cache.");
        }
        return new ReplayMissException("No cached response for this request to "
                + delegate.info().label()
                + " in " + cache.dir() + " (key " + key + ", file " + cache.pathOf(key) + "), and "
                + RptConstants.CACHE + "=" + CacheMode.REPLAY_ONLY.configValue() + " forbids calling the model. Record"
                + " the responses once with " + RptConstants.CACHE + "=" + CacheMode.READ_WRITE.configValue()
                + " and the same provider, model, prompts and cases, then replay; or point "
                + RptConstants.CACHE_DIR + " at the directory that holds the recording.");
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
