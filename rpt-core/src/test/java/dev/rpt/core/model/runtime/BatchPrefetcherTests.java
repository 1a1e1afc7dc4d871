package dev.rpt.core.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.api.Usage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.model.BatchApi;
import dev.rpt.core.model.BatchUnansweredException;
import dev.rpt.core.model.BatchUnsupportedException;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.model.batch.BatchJobStore;
import dev.rpt.core.model.batch.BatchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch prefetcher behind the cache, over a fake batch API: what it submits, records, waits for, fills and bills,
 * and what an interrupted run, a run that stops waiting, a partly failed batch and a server without batches leave.
 */
class BatchPrefetcherTests {

    @TempDir
    Path dir;

    private final FakeTime time = new FakeTime();
    private final List<String> out = new ArrayList<>();
    private final FakeBatchApi api = new FakeBatchApi();
    private final ScriptedChatModel direct =
            new ScriptedChatModel().otherwise(request -> ScriptedChatModel.reply("direct", 10, 1));

    private static ChatRequest question(int i) {
        return ChatRequest.builder().user("Question " + i).temperature(0.0).build();
    }

    private static List<ChatRequest> questions(int count) {
        return IntStream.range(0, count)
                .mapToObj(BatchPrefetcherTests::question)
                .toList();
    }

    private CachingChatModel model(BatchSettings.Mode mode, int minCalls, Duration wait) {
        return model(mode, minCalls, wait, CachePolicy.of(CacheMode.READ_WRITE));
    }

    private CachingChatModel model(BatchSettings.Mode mode, int minCalls, Duration wait, CachePolicy policy) {
        BatchSettings settings = new BatchSettings(mode, minCalls, wait, Duration.ofSeconds(30), 0.5);
        BatchPrefetcher prefetcher = new BatchPrefetcher(
                api, settings, new BatchJobStore(dir), "endpoint-1", direct.info(), time, time, out::add);
        return new CachingChatModel(
                direct,
                new ResponseCache(dir, time),
                policy,
                CacheEndpoint.of(direct.info()),
                prefetcher,
                ServedFromCache.NOWHERE,
                out::add);
    }

    private CachingChatModel model(BatchSettings.Mode mode) {
        return model(mode, 100, Duration.ofHours(1));
    }

    @Test
    void theUncachedRequestsGoInOneBatchThatIsRecordedBeforeTheRunWaitsOnIt() {
        api.pollsBeforeEnd = 2;
        CachingChatModel model = model(BatchSettings.Mode.ON);

        model.prefetch(questions(3));

        assertThat(api.submitted).hasSize(1);
        assertThat(api.submitted.get(0)).hasSize(3);
        assertThat(api.recordedWhenFirstPolled)
                .as("recorded before the first poll")
                .isTrue();
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThat(out)
                .anyMatch(line -> line.startsWith("[rpt] batch batch-1: submitted 3 requests to"))
                .anyMatch(line -> line.equals("[rpt] batch batch-1: in_progress, 0 of 3 answered, 0 failed (0ms)"))
                .anyMatch(line -> line.equals("[rpt] batch batch-1: completed, 3 of 3 answered, 0 failed (60s)"));
        assertThat(new BatchJobStore(dir).pending("endpoint-1"))
                .as("read, so forgotten")
                .isEmpty();

        ChatResponse first = model.chat(question(1));
        ChatResponse again = model.chat(question(1));
        assertThat(first.batch()).isTrue();
        assertThat(first.cached()).isFalse();
        assertThat(first.text()).isEqualTo("batch answer to Question 1");
        assertThat(again.cached())
                .as("served once as a batch reply, then a cache hit")
                .isTrue();
        assertThat(direct.calls()).isZero();
    }

    @Test
    void aRefreshBatchesTheCachedRequestsTooAndThenServesItsOwnReplies() {
        model(BatchSettings.Mode.ON).chat(question(0));
        time.advance(Duration.ofDays(1));
        CachingChatModel refreshing = model(
                BatchSettings.Mode.ON,
                100,
                Duration.ofHours(1),
                CachePolicy.of(CacheMode.REFRESH, java.util.Optional.empty(), time));

        refreshing.prefetch(questions(3));

        assertThat(api.submitted)
                .singleElement()
                .satisfies(batch -> assertThat(batch).hasSize(3));
        assertThat(refreshing.chat(question(0)).text()).isEqualTo("batch answer to Question 0");
        assertThat(refreshing.chat(question(0)).cached()).isTrue();
        assertThat(direct.calls()).isEqualTo(1);
    }

    @Test
    void cachedRequestsAreNotBatchedAndDuplicatesGoOnce() {
        CachingChatModel model = model(BatchSettings.Mode.ON);
        model.chat(question(0));

        model.prefetch(List.of(question(0), question(1), question(1), question(2)));

        assertThat(api.submitted.get(0)).hasSize(2);
        assertThat(direct.calls()).isEqualTo(1);
    }

    @Test
    void anInterruptedRunsBatchIsPickedUpAndNeverSubmittedAgain() {
        // The first run stops waiting while the batch is still in progress: its cases error, the record stays.
        api.pollsBeforeEnd = 100;
        CachingChatModel first = model(BatchSettings.Mode.ON, 100, Duration.ofMinutes(2));
        first.prefetch(questions(2));
        assertThat(new BatchJobStore(dir).pending("endpoint-1")).hasSize(1);
        assertThatThrownBy(() -> first.chat(question(0)))
                .isInstanceOf(BatchUnansweredException.class)
                .hasMessageContaining(
                        "still pending in batch batch-1 when the run stopped waiting (rpt.batch.wait=120s)")
                .hasMessageContaining("re-run to pick the same batch up");
        assertThat(out).anyMatch(line -> line.contains("stopped waiting after 120s with 1 batch pending"));

        // The next run (a new model, as after a restart) polls the recorded batch instead of submitting.
        api.pollsBeforeEnd = 0;
        out.clear();
        CachingChatModel second = model(BatchSettings.Mode.ON);
        second.prefetch(questions(2));

        assertThat(api.submitted).as("submitted once in all").hasSize(1);
        assertThat(out.get(0)).startsWith("[rpt] batch: picking up 1 batch an earlier run submitted to");
        assertThat(second.chat(question(1)).batch()).isTrue();
        assertThat(new BatchJobStore(dir).pending("endpoint-1")).isEmpty();
    }

    @Test
    void aBatchSentButNotRecordedIsFoundByItsTagAndNeverPaidForTwice() {
        api.crash = Crash.AFTER_ACCEPTING;
        CachingChatModel first = model(BatchSettings.Mode.ON);
        assertThatThrownBy(() -> first.prefetch(questions(2))).isInstanceOf(SimulatedCrash.class);
        BatchJobStore store = new BatchJobStore(dir);
        assertThat(store.pending("endpoint-1")).as("the id never came back").isEmpty();
        assertThat(store.submissions("endpoint-1")).hasSize(1);

        api.crash = null;
        CachingChatModel second = model(BatchSettings.Mode.ON);
        second.prefetch(questions(2));

        assertThat(api.submitted).as("submitted once in all").hasSize(1);
        assertThat(api.finds).as("looked up by the tag it was sent with").containsExactlyElementsOf(api.tags.keySet());
        assertThat(out)
                .anyMatch(line -> line.startsWith("[rpt] batch batch-1: holds the 2 requests an earlier run sent to ")
                        && line.endsWith(" without recording the batch's id; picking it up"));
        assertThat(second.chat(question(0)).batch()).isTrue();
        assertThat(store.submissions("endpoint-1")).isEmpty();
        assertThat(store.pending("endpoint-1")).isEmpty();
    }

    @Test
    void aSubmissionTheProviderNeverCreatedIsBatchedAgain() {
        api.crash = Crash.BEFORE_ACCEPTING;
        CachingChatModel first = model(BatchSettings.Mode.ON);
        assertThatThrownBy(() -> first.prefetch(questions(2))).isInstanceOf(SimulatedCrash.class);

        api.crash = null;
        model(BatchSettings.Mode.ON).prefetch(questions(2));

        assertThat(api.finds).hasSize(1);
        assertThat(api.submitted).hasSize(1);
        assertThat(out)
                .anyMatch(line -> line.startsWith("[rpt] batch: no batch holds the 2 requests an earlier run sent to ")
                        && line.endsWith(": it was never created, so they are batched again"));
        assertThat(new BatchJobStore(dir).submissions("endpoint-1")).isEmpty();
    }

    @Test
    void aProviderThatKeepsNoTagCannotBeAskedAndTheUserIsToldToLook() {
        api.findsSubmissions = false;
        api.crash = Crash.AFTER_ACCEPTING;
        CachingChatModel first = model(BatchSettings.Mode.ON);
        assertThatThrownBy(() -> first.prefetch(questions(2))).isInstanceOf(SimulatedCrash.class);

        api.crash = null;
        model(BatchSettings.Mode.ON).prefetch(questions(2));

        assertThat(api.finds).isEmpty();
        assertThat(api.submitted).as("nothing to find it by: submitted again").hasSize(2);
        assertThat(out)
                .anyMatch(line ->
                        line.contains("cannot be looked up") && line.contains("look for it in the provider's console"));
    }

    @Test
    void aPartlyFailedBatchErrorsOnlyTheUnansweredRequestsWithTheProvidersReason() {
        api.failing.put("Question 1", "HTTP 400: context length exceeded");
        CachingChatModel model = model(BatchSettings.Mode.ON);

        model.prefetch(questions(3));

        assertThat(model.chat(question(0)).batch()).isTrue();
        assertThatThrownBy(() -> model.chat(question(1)))
                .isInstanceOf(BatchUnansweredException.class)
                .hasMessageEndingWith("batch batch-1 did not answer it: HTTP 400: context length exceeded.");
        assertThat(out).anyMatch(line -> line.startsWith("[rpt] batch batch-1: 2 of 3 answered; the other 1 cases"));
    }

    @Test
    void requestsAreSplitAtTheProvidersLimit() {
        api.maxRequests = 2;

        model(BatchSettings.Mode.ON).prefetch(questions(5));

        assertThat(api.submitted).extracting(List::size).containsExactly(2, 2, 1);
    }

    @Test
    void autoBatchesOnlyFromItsMinimumAndFallsBackOnAServerWithoutBatches() {
        model(BatchSettings.Mode.AUTO, 10, Duration.ofHours(1)).prefetch(questions(9));
        assertThat(api.submitted).as("9 calls are fewer than 10").isEmpty();

        api.unsupported = true;
        CachingChatModel model = model(BatchSettings.Mode.AUTO, 1, Duration.ofHours(1));
        model.prefetch(questions(2));
        model.prefetch(questions(3));
        assertThat(out.stream().filter(line -> line.contains("calling")).toList())
                .as("said once")
                .containsExactly("[rpt] batch: no batch endpoints here; calling fake/fake-model directly");
        assertThat(model.chat(question(0)).text()).isEqualTo("direct");
    }

    @Test
    void onWithoutBatchEndpointsIsAConfigurationError() {
        api.unsupported = true;

        assertThatThrownBy(() -> model(BatchSettings.Mode.ON).prefetch(questions(1)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.batch=on, but no batch endpoints here")
                .hasMessageContaining("rpt.batch=auto");
    }

    @Test
    void theLedgerBillsBatchRepliesAtTheBatchPrice() {
        UsageLedger ledger =
                new UsageLedger(PriceTable.of(Map.of(direct.info().model(), new PriceTable.Price(2.0, 8.0))), 0.5);
        ChatResponse reply = new ChatResponse(
                "x", List.of(), null, FinishReason.STOP, Usage.of(1_000_000, 0), List.of(), "m", false);

        ledger.recordResponse(direct.info(), reply.asBatch());
        ledger.recordResponse(direct.info(), reply);

        // One million input tokens at $2, once at the batch price and once directly.
        assertThat(ledger.snapshot().costUsd()).hasValue(1.0 + 2.0);
        assertThat(ledger.snapshot().calls()).isEqualTo(2);
        assertThat(ledger.snapshot().cachedCalls()).isZero();
    }

    /** Where a simulated crash stops the run: before the provider accepted the batch, or after. */
    private enum Crash {
        BEFORE_ACCEPTING,
        AFTER_ACCEPTING
    }

    /** The run dying in the middle of a submission (the JVM killed), as far as the prefetcher can tell. */
    private static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("the run died here");
        }
    }

    /** A batch API in memory: answers every request, or fails those named, after some polls. */
    private final class FakeBatchApi implements BatchApi {

        final List<List<Item>> submitted = new ArrayList<>();
        final Map<String, String> tags = new HashMap<>();
        final List<String> finds = new ArrayList<>();
        boolean findsSubmissions = true;
        Crash crash;
        final Map<String, String> failing = new HashMap<>();
        final Map<String, Integer> polls = new HashMap<>();
        int pollsBeforeEnd;
        int maxRequests = 1000;
        boolean unsupported;
        Boolean recordedWhenFirstPolled;

        @Override
        public int maxRequests() {
            return maxRequests;
        }

        @Override
        public long maxBytes() {
            return 1_000_000;
        }

        @Override
        public long sizeOf(Item item) {
            return 100;
        }

        @Override
        public String submit(List<Item> items, String submission) {
            if (unsupported) {
                throw new BatchUnsupportedException("no batch endpoints here", null);
            }
            if (crash == Crash.BEFORE_ACCEPTING) {
                throw new SimulatedCrash();
            }
            submitted.add(List.copyOf(items));
            String id = "batch-" + submitted.size();
            tags.put(submission, id);
            if (crash == Crash.AFTER_ACCEPTING) {
                throw new SimulatedCrash();
            }
            return id;
        }

        @Override
        public boolean findsSubmissions() {
            return findsSubmissions;
        }

        @Override
        public Optional<String> find(String submission, Instant since) {
            finds.add(submission);
            return Optional.ofNullable(tags.get(submission));
        }

        @Override
        public Status status(String batchId) {
            if (recordedWhenFirstPolled == null) {
                recordedWhenFirstPolled = Files.isRegularFile(new BatchJobStore(dir).fileOf(batchId));
            }
            int count = polls.merge(batchId, 1, Integer::sum);
            int total = items(batchId).size();
            boolean ended = count > pollsBeforeEnd;
            int failed = ended
                    ? (int) items(batchId).stream()
                            .filter(i -> failing.containsKey(
                                    i.request().messages().get(0).content()))
                            .count()
                    : 0;
            return new Status(
                    batchId,
                    ended ? "completed" : "in_progress",
                    ended,
                    total,
                    ended ? total - failed : 0,
                    failed,
                    Optional.empty(),
                    ended ? List.of("results-" + batchId) : List.of());
        }

        @Override
        public Map<String, Outcome> results(Status ended, Map<String, ChatRequest> requests) {
            Map<String, Outcome> outcomes = new HashMap<>();
            for (Item item : items(ended.id())) {
                String question = item.request().messages().get(0).content();
                outcomes.put(
                        item.customId(),
                        failing.containsKey(question)
                                ? new Outcome.Unanswered(failing.get(question))
                                : new Outcome.Answered(ScriptedChatModel.reply("batch answer to " + question, 10, 2)));
            }
            return outcomes;
        }

        private List<Item> items(String batchId) {
            return submitted.get(Integer.parseInt(batchId.substring("batch-".length())) - 1);
        }
    }
}
