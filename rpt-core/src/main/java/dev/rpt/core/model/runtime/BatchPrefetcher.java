package dev.rpt.core.model.runtime;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.model.BatchApi;
import dev.rpt.core.model.BatchUnsupportedException;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ModelException;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.batch.BatchJobStore;
import dev.rpt.core.model.batch.BatchSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Answers a run's uncached requests through the provider's batch API ahead of the run ({@code rpt.batch}), and hands
 * each reply to the {@link CachingChatModel} that will be asked for it. Replies are written to the response cache, so
 * a re-run replays them; within this run each is served once as a <em>batch</em> reply, billed at the batch price,
 * not as a free cache hit.
 *
 * <p>Every submitted batch is recorded in the {@link BatchJobStore} before the run waits on it, and a run first picks
 * up the recorded batches of its endpoint: an interrupted run never submits, or pays for, the same requests twice.
 * Each submission is recorded before it is sent, with a tag the provider keeps where it can (OpenAI's batch metadata),
 * so a run that died between the provider accepting a batch and rpt recording its id is found by that tag.
 * Past {@code rpt.batch.wait}, the requests still pending are unanswered in this run and their batch stays recorded
 * for the next one.
 */
final class BatchPrefetcher {

    private final BatchApi api;
    private final BatchSettings settings;
    private final BatchJobStore store;
    private final String endpoint;
    private final ModelInfo model;
    private final Sleeper sleeper;
    private final InstantSource clock;
    private final Consumer<String> out;
    private final Map<String, ChatResponse> answered = new ConcurrentHashMap<>();
    private final Map<String, String> unanswered = new ConcurrentHashMap<>();
    private final Map<String, ChatRequest> requests = new ConcurrentHashMap<>();
    private boolean fallbackSaid;

    BatchPrefetcher(
            BatchApi api,
            BatchSettings settings,
            BatchJobStore store,
            String endpoint,
            ModelInfo model,
            Sleeper sleeper,
            InstantSource clock,
            Consumer<String> out) {
        this.api = Objects.requireNonNull(api, "api");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = Objects.requireNonNull(store, "store");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.model = Objects.requireNonNull(model, "model");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Answers the requests the cache lacks: first from the batches an earlier run left, then, for the rest, in new
     * batches (with {@code auto}, only when there are at least {@code rpt.batch.min-calls} of them). Blocks until every
     * batch ended or {@code rpt.batch.wait} passed.
     *
     * @param misses the uncached requests by cache key
     * @param cache where replies go
     */
    synchronized void prefetch(Map<String, ChatRequest> misses, ResponseCache cache) {
        Instant deadline = clock.instant().plus(settings.maxWait());
        requests.putAll(misses);
        Map<String, ChatRequest> remaining = new LinkedHashMap<>(misses);
        recoverSubmissions();
        List<BatchJobStore.Job> resumed = store.pending(endpoint);
        if (!resumed.isEmpty()) {
            out.accept("[rpt] batch: picking up " + resumed.size() + " batch" + (resumed.size() == 1 ? "" : "es")
                    + " an earlier run submitted to " + model.label() + " (" + String.join(", ", ids(resumed)) + ")");
            await(resumed, cache, deadline);
            resumed.forEach(job -> job.keys().forEach(remaining::remove));
        }
        remaining.keySet().removeIf(key -> answered.containsKey(key) || unanswered.containsKey(key));
        if (remaining.isEmpty()) {
            return;
        }
        if (settings.mode() == BatchSettings.Mode.AUTO && remaining.size() < settings.minCalls()) {
            return;
        }
        List<BatchJobStore.Job> submitted = new ArrayList<>();
        for (List<BatchApi.Item> chunk : chunks(remaining)) {
            BatchJobStore.Submission submission = new BatchJobStore.Submission(
                    endpoint,
                    UUID.randomUUID().toString(),
                    clock.instant().toString(),
                    chunk.stream().map(BatchApi.Item::customId).toList());
            store.begin(submission);
            String id;
            try {
                id = api.submit(chunk, submission.tag());
            } catch (BatchUnsupportedException e) {
                store.end(submission);
                if (settings.mode() == BatchSettings.Mode.ON) {
                    throw new ConfigException(RptConstants.BATCH + "=on, but " + e.getMessage() + ". Point "
                            + RptConstants.BASE_URL + " at a server with a batch API, or set " + RptConstants.BATCH
                            + "=auto to fall back to direct calls.");
                }
                if (!fallbackSaid) {
                    fallbackSaid = true;
                    out.accept("[rpt] batch: " + e.getMessage() + "; calling " + model.label() + " directly");
                }
                break;
            } catch (ModelException e) {
                if (!e.retryable()) {
                    // Refused: no batch exists. After a timeout or a server error one may, and the next run looks.
                    store.end(submission);
                }
                throw e;
            }
            BatchJobStore.Job job = new BatchJobStore.Job(endpoint, id, submission.startedAt(), submission.keys());
            store.save(job);
            store.end(submission);
            submitted.add(job);
            out.accept("[rpt] batch " + id + ": submitted " + chunk.size() + " requests to " + model.label()
                    + " (recorded in " + store.fileOf(id) + " until its results are read)");
        }
        await(submitted, cache, deadline);
    }

    /**
     * Settles the submissions an earlier run sent but did not record a batch id for (it stopped in between): a batch
     * the provider finds by the submission's tag is recorded, and then picked up like any other; otherwise the
     * requests are batched again. A provider that keeps no tag cannot be asked, which is said.
     */
    private void recoverSubmissions() {
        for (BatchJobStore.Submission submission : store.submissions(endpoint)) {
            String what = "the " + submission.keys().size() + " requests an earlier run sent to " + model.label()
                    + " at " + submission.startedAt() + " without recording the batch's id";
            if (!api.findsSubmissions()) {
                out.accept("[rpt] batch: " + what + " cannot be looked up (this batch API keeps no tag to find them"
                        + " by); if the provider created that batch, it is billed and unread, so look for it in the"
                        + " provider's console. They are batched again.");
            } else {
                // Batches listed newest first: stop at those created well before the submission (clock skew aside).
                Optional<String> found = api.find(
                        submission.tag(), Instant.parse(submission.startedAt()).minus(Duration.ofHours(1)));
                if (found.isPresent()) {
                    store.save(new BatchJobStore.Job(endpoint, found.get(), submission.startedAt(), submission.keys()));
                    out.accept("[rpt] batch " + found.get() + ": holds " + what + "; picking it up");
                } else {
                    out.accept("[rpt] batch: no batch holds " + what + ": it was never created, so they are batched"
                            + " again");
                }
            }
            store.end(submission);
        }
    }

    /** The reply a batch gave to this request in this run, once: a second ask is an ordinary cache hit. */
    Optional<ChatResponse> take(String key) {
        return Optional.ofNullable(answered.remove(key));
    }

    /** Why the batch did not answer this request, if it did not. */
    Optional<String> unanswered(String key) {
        return Optional.ofNullable(unanswered.get(key));
    }

    private void await(List<BatchJobStore.Job> jobs, ResponseCache cache, Instant deadline) {
        List<BatchJobStore.Job> open = new ArrayList<>(jobs);
        Instant started = clock.instant();
        while (!open.isEmpty()) {
            for (BatchJobStore.Job job : List.copyOf(open)) {
                Optional<BatchApi.Status> status = status(job);
                if (status.isEmpty()) {
                    continue;
                }
                BatchApi.Status s = status.get();
                out.accept("[rpt] batch " + s.id() + ": " + s.state() + ", " + s.succeeded() + " of " + s.total()
                        + " answered, " + s.failed() + " failed ("
                        + Durations.format(Duration.between(started, clock.instant())) + ")");
                if (s.ended()) {
                    collect(job, s, cache);
                    open.remove(job);
                }
            }
            if (open.isEmpty()) {
                break;
            }
            if (!clock.instant().plus(settings.pollInterval()).isBefore(deadline)) {
                for (BatchJobStore.Job job : open) {
                    String reason = "still pending in batch " + job.batchId() + " when the run stopped waiting ("
                            + RptConstants.BATCH_WAIT + "=" + Durations.format(settings.maxWait()) + "); re-run to pick"
                            + " the same batch up (it is recorded in " + store.fileOf(job.batchId()) + ")";
                    job.keys().forEach(key -> unanswered.put(key, reason));
                }
                out.accept("[rpt] batch: stopped waiting after " + Durations.format(settings.maxWait()) + " with "
                        + open.size() + " batch" + (open.size() == 1 ? "" : "es") + " pending; their cases error now,"
                        + " and a re-run picks them up");
                return;
            }
            try {
                sleeper.sleep(settings.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for batches; they stay recorded", e);
            }
        }
    }

    private Optional<BatchApi.Status> status(BatchJobStore.Job job) {
        try {
            return Optional.of(api.status(job.batchId()));
        } catch (ModelException e) {
            if (!e.retryable()) {
                throw e;
            }
            out.accept("[rpt] batch " + job.batchId() + ": cannot ask how it is doing (" + e.getMessage()
                    + "); asking again");
            return Optional.empty();
        }
    }

    private void collect(BatchJobStore.Job job, BatchApi.Status status, ResponseCache cache) {
        Map<String, BatchApi.Outcome> results =
                status.resultsLocation().isEmpty() ? Map.of() : api.results(status, requests);
        int got = 0;
        for (String key : job.keys()) {
            BatchApi.Outcome outcome = results.get(key);
            if (outcome instanceof BatchApi.Outcome.Answered a) {
                cache.write(key, a.response());
                answered.put(key, a.response().asBatch());
                got++;
            } else {
                String reason = outcome instanceof BatchApi.Outcome.Unanswered u
                        ? u.reason()
                        : status.failure().orElse("the batch ended (" + status.state() + ") without a result for it");
                unanswered.put(key, "batch " + job.batchId() + " did not answer it: " + reason);
            }
        }
        store.remove(job);
        if (got < job.keys().size()) {
            out.accept("[rpt] batch " + job.batchId() + ": " + got + " of "
                    + job.keys().size() + " answered; the other "
                    + (job.keys().size() - got) + " cases error with the provider's reason"
                    + status.failure().map(f -> " (" + f + ")").orElse(""));
        }
    }

    /** The requests in batches within the provider's limits on requests and bytes. */
    private List<List<BatchApi.Item>> chunks(Map<String, ChatRequest> requests) {
        List<List<BatchApi.Item>> chunks = new ArrayList<>();
        List<BatchApi.Item> chunk = new ArrayList<>();
        long bytes = 0;
        for (Map.Entry<String, ChatRequest> entry : requests.entrySet()) {
            BatchApi.Item item = new BatchApi.Item(entry.getKey(), entry.getValue());
            long size = api.sizeOf(item);
            if (!chunk.isEmpty() && (chunk.size() >= api.maxRequests() || bytes + size > api.maxBytes())) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                bytes = 0;
            }
            chunk.add(item);
            bytes += size;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    private static List<String> ids(List<BatchJobStore.Job> jobs) {
        return jobs.stream().map(BatchJobStore.Job::batchId).toList();
    }
}
