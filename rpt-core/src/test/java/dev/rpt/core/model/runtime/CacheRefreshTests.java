package dev.rpt.core.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.ModelSettings;
import dev.rpt.core.model.openai.OpenAiProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache against a loopback OpenAI-compatible server whose model changes between runs, as when a provider moves an
 * alias to a new snapshot: each run is a new model over the same cache directory, as two builds are.
 */
class CacheRefreshTests {

    private static final String KEY_VARIABLE = "RPT_TEST_KEY";
    private static final CacheEndpoint ENDPOINT = CacheEndpoint.of(new ModelInfo("openai", "gpt-x", false));
    private static final ChatRequest QUESTION =
            ChatRequest.builder().user("Classify: my card was charged twice").build();
    private static final ChatRequest OTHER_QUESTION =
            ChatRequest.builder().user("Classify: how do I reset my password").build();

    private final MockWebServer server = new MockWebServer();
    private final FakeTime time = new FakeTime();
    private final List<String> notes = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** One run's model: the provider, cached as configured, metered into the run's ledger. */
    private ChatModel run(CacheMode mode, Duration maxAge, UsageLedger ledger) {
        ChatModel provider = new OpenAiProvider()
                .create(
                        ModelSettings.of("openai", "gpt-x", server.url("/v1").toString(), KEY_VARIABLE),
                        name -> name.equals(KEY_VARIABLE) ? "test-key" : null);
        CachingChatModel caching = new CachingChatModel(
                provider,
                new ResponseCache(dir, time),
                CachePolicy.of(mode, Optional.ofNullable(maxAge), time),
                ENDPOINT,
                null,
                ledger::servedFromCache,
                notes::add);
        return new MeteredChatModel(caching, ledger);
    }

    private ChatModel run(CacheMode mode, Duration maxAge) {
        return run(mode, maxAge, new UsageLedger(PriceTable.EMPTY));
    }

    /** The server's next answer, from the given snapshot, in the shape of OpenAI's reference. */
    private void serves(String answer, String model, String fingerprint) {
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "application/json")
                .body("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1741569952,\"model\":\""
                        + model + "\",\"system_fingerprint\":\"" + fingerprint + "\",\"choices\":[{\"index\":0,"
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"" + answer + "\"},\"finish_reason\":"
                        + "\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":1,\"total_tokens\":13}}")
                .build());
    }

    private Optional<Instant> writtenAt(ChatRequest request) {
        return new ResponseCache(dir)
                .entry(CacheKey.of(ENDPOINT, request), ChatResponse.class)
                .orElseThrow()
                .writtenAt();
    }

    /** Records both questions with the August snapshot, then lets {@code days} pass. */
    private Instant recordInAugust(int days) {
        serves("billing", "gpt-x-2026-08-06", "fp_a");
        serves("account", "gpt-x-2026-08-06", "fp_a");
        ChatModel recording = run(CacheMode.READ_WRITE, null);
        recording.chat(QUESTION);
        recording.chat(OTHER_QUESTION);
        Instant recordedAt = time.instant().truncatedTo(ChronoUnit.SECONDS);
        time.advance(Duration.ofDays(days));
        return recordedAt;
    }

    @Test
    void newEntriesStateWhenTheyWereWrittenAndWhatServedThem() {
        Instant recordedAt = recordInAugust(0);

        ChatResponse replayed = run(CacheMode.REPLAY_ONLY, null).chat(QUESTION);

        assertThat(writtenAt(QUESTION)).hasValue(recordedAt);
        assertThat(replayed.model()).isEqualTo("gpt-x-2026-08-06");
        assertThat(replayed.systemFingerprint()).isEqualTo("fp_a");
    }

    @Test
    void refreshCallsTheModelAgainOverwritesTheEntryAndSaysOnceThatTheSnapshotChanged() {
        recordInAugust(40);

        serves("refund", "gpt-x-2026-11-01", "fp_b");
        serves("account", "gpt-x-2026-11-01", "fp_b");
        ChatModel refreshing = run(CacheMode.REFRESH, null);
        ChatResponse refreshed = refreshing.chat(QUESTION);
        refreshing.chat(OTHER_QUESTION);
        // The run's own reply: a request it makes twice is asked once.
        ChatResponse again = refreshing.chat(QUESTION);

        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(refreshed.cached()).isFalse();
        assertThat(refreshed.text()).isEqualTo("refund");
        assertThat(again.cached()).isTrue();
        assertThat(writtenAt(QUESTION)).hasValue(time.instant().truncatedTo(ChronoUnit.SECONDS));
        assertThat(notes)
                .containsExactly("[rpt] openai/gpt-x: the provider now serves gpt-x-2026-11-01 (system fingerprint"
                        + " fp_b), the cache held answers from gpt-x-2026-08-06 (system fingerprint fp_a)");

        ChatResponse replayed = run(CacheMode.REPLAY_ONLY, null).chat(QUESTION);
        assertThat(replayed.text()).isEqualTo("refund");
        assertThat(replayed.model()).isEqualTo("gpt-x-2026-11-01");
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void aNewFingerprintAloneIsAChangedSnapshotAndTheSameOneIsNone() {
        recordInAugust(1);
        serves("billing", "gpt-x-2026-08-06", "fp_a");
        serves("account", "gpt-x-2026-08-06", "fp_c");
        ChatModel refreshing = run(CacheMode.REFRESH, null);

        refreshing.chat(QUESTION);
        assertThat(notes).isEmpty();
        refreshing.chat(OTHER_QUESTION);

        assertThat(notes)
                .containsExactly("[rpt] openai/gpt-x: the provider now serves gpt-x-2026-08-06 (system fingerprint"
                        + " fp_c), the cache held answers from gpt-x-2026-08-06 (system fingerprint fp_a)");
    }

    @Test
    void readWriteWithAMaxAgeTreatsAnOlderEntryAsMissingAndServesAYoungerOne() {
        recordInAugust(5);
        serves("billing", "gpt-x-2026-08-06", "fp_a");
        run(CacheMode.REFRESH, null).chat(QUESTION);
        time.advance(Duration.ofDays(3));
        // QUESTION was written 3 days ago, OTHER_QUESTION 8 days ago.

        serves("password", "gpt-x-2026-11-01", "fp_b");
        UsageLedger ledger = new UsageLedger(PriceTable.EMPTY);
        ChatModel limited = run(CacheMode.READ_WRITE, Duration.ofDays(7), ledger);
        ChatResponse young = limited.chat(QUESTION);
        ChatResponse old = limited.chat(OTHER_QUESTION);

        assertThat(young.cached()).isTrue();
        assertThat(old.cached()).isFalse();
        assertThat(old.text()).isEqualTo("password");
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(writtenAt(OTHER_QUESTION)).hasValue(time.instant().truncatedTo(ChronoUnit.SECONDS));
        assertThat(notes).singleElement().asString().contains("now serves gpt-x-2026-11-01");
        CachedAnswers served = ledger.snapshot().cachedAnswers();
        assertThat(served.count()).isEqualTo(1);
        assertThat(served.oldest()).isEqualTo(served.newest());
        assertThat(served.overMaxAge()).isZero();
    }

    @Test
    void refreshWithAMaxAgeServesWhatIsYoungerSoAnInterruptedRefreshGoesOn() {
        recordInAugust(10);
        serves("billing", "gpt-x-2026-11-01", "fp_b");
        run(CacheMode.REFRESH, null).chat(QUESTION);
        time.advance(Duration.ofHours(2));

        serves("account", "gpt-x-2026-11-01", "fp_b");
        ChatModel resumed = run(CacheMode.REFRESH, Duration.ofHours(12));

        assertThat(resumed.chat(QUESTION).cached()).isTrue();
        assertThat(resumed.chat(OTHER_QUESTION).cached()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void replayOnlyServesOlderEntriesAndCountsThem() {
        Instant recordedAt = recordInAugust(30);
        UsageLedger ledger = new UsageLedger(PriceTable.EMPTY);
        ChatModel replay = run(CacheMode.REPLAY_ONLY, Duration.ofDays(7), ledger);

        ChatResponse answer = replay.chat(QUESTION);
        replay.chat(OTHER_QUESTION);

        assertThat(answer.cached()).isTrue();
        assertThat(answer.text()).isEqualTo("billing");
        assertThat(server.getRequestCount()).isEqualTo(2);
        UsageSnapshot usage = ledger.snapshot();
        assertThat(usage.cachedCalls()).isEqualTo(2);
        assertThat(usage.cachedAnswers())
                .isEqualTo(new CachedAnswers(2, Optional.of(recordedAt), Optional.of(recordedAt), 0, 2));
        assertThat(usage.cachedAnswers().describe(time.instant()))
                .isEqualTo(", written " + recordedAt.toString().substring(0, 10)
                        + " (30 days ago), 2 older than rpt.cache.max-age");
    }
}
