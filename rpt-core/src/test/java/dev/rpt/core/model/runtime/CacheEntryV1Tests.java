package dev.rpt.core.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.api.Usage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.model.ModelInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A committed cache as an earlier rpt recorded it, before entries stated their write time (the first entry layout,
 * {@code src/test/resources/cache/entry-v1}): it keeps replaying, byte for byte, and is never rewritten by a replay.
 * Under an age limit its entry counts as older than any limit: {@code replay-only} serves and counts it, {@code
 * read-write} fetches it again once.
 */
class CacheEntryV1Tests {

    private static final String FIXTURE = "/cache/entry-v1/";
    private static final String KEY = "85f225f2f07befc614deba6ee60b1ef2209de229320b918645b8e45052160557";
    private static final CacheEndpoint ENDPOINT =
            new CacheEndpoint("openai", "gpt-4.1-mini", "https://api.example.test/v1", new TreeMap<>());
    private static final ChatRequest REQUEST = ChatRequest.builder()
            .system("Answer with the number only.")
            .user("What is 6 x 7?")
            .temperature(0.0)
            .build();
    private static final ChatResponse RECORDED = new ChatResponse(
            "42",
            List.of(),
            null,
            FinishReason.STOP,
            new Usage(21, 2, 23),
            List.of(),
            "gpt-4.1-mini-2025-04-14",
            false);

    @TempDir
    Path dir;

    private final FakeTime time = new FakeTime();
    private final ScriptedChatModel model = new ScriptedChatModel(new ModelInfo("openai", "gpt-4.1-mini", false));
    private Path entry;
    private byte[] recorded;

    @BeforeEach
    void copyTheCommittedCache() throws IOException {
        for (String file : List.of(ResponseCache.FORMAT_FILE, KEY.substring(0, 2) + "/" + KEY + ".json")) {
            Path target = dir.resolve(file);
            Files.createDirectories(target.getParent());
            try (InputStream in = CacheEntryV1Tests.class.getResourceAsStream(FIXTURE + file)) {
                Files.copy(in, target);
            }
        }
        entry = dir.resolve(KEY.substring(0, 2)).resolve(KEY + ".json");
        recorded = Files.readAllBytes(entry);
        // A rewrite would move the modification time on, even with the same bytes.
        Files.setLastModifiedTime(entry, FileTime.fromMillis(1_600_000_000_000L));
    }

    private ChatModel run(CacheMode mode, Duration maxAge, UsageLedger ledger) {
        return new MeteredChatModel(
                new CachingChatModel(
                        model,
                        new ResponseCache(dir, time),
                        CachePolicy.of(mode, Optional.ofNullable(maxAge), time),
                        ENDPOINT,
                        null,
                        ledger::servedFromCache,
                        line -> {}),
                ledger);
    }

    @Test
    void theFixtureIsTheEntryOfItsRequest() {
        assertThat(CacheKey.of(ENDPOINT, REQUEST)).isEqualTo(KEY);
        assertThat(new String(recorded, java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("writtenAt");
    }

    @Test
    void replaysByteForByteAndIsNotRewritten() throws IOException {
        for (CacheMode mode : List.of(CacheMode.REPLAY_ONLY, CacheMode.READ_WRITE, CacheMode.READ_ONLY)) {
            UsageLedger ledger = new UsageLedger(PriceTable.EMPTY);

            ChatResponse replayed = run(mode, null, ledger).chat(REQUEST);

            assertThat(replayed).as(mode.configValue()).isEqualTo(RECORDED.asCached());
            assertThat(ledger.snapshot().cachedAnswers())
                    .isEqualTo(new CachedAnswers(1, Optional.empty(), Optional.empty(), 1, 0));
        }
        assertThat(model.calls()).isZero();
        assertThat(Files.readAllBytes(entry)).isEqualTo(recorded);
        assertThat(Files.getLastModifiedTime(entry)).isEqualTo(FileTime.fromMillis(1_600_000_000_000L));
    }

    @Test
    void replayOnlyWithAMaxAgeServesItAndCountsItAsOlder() throws IOException {
        UsageLedger ledger = new UsageLedger(PriceTable.EMPTY);

        assertThat(run(CacheMode.REPLAY_ONLY, Duration.ofDays(3650), ledger).chat(REQUEST))
                .isEqualTo(RECORDED.asCached());

        assertThat(ledger.snapshot().cachedAnswers().overMaxAge()).isEqualTo(1);
        assertThat(ledger.snapshot().cachedAnswers().describe(time.instant()))
                .isEqualTo(", all without a write time (recorded by an earlier rpt), 1 older than rpt.cache.max-age");
        assertThat(Files.readAllBytes(entry)).isEqualTo(recorded);
    }

    @Test
    void readWriteWithAMaxAgeFetchesItAgainOnceAndDatesIt() {
        model.otherwise(request -> ScriptedChatModel.reply("42", 21, 2));

        ChatResponse fresh = run(CacheMode.READ_WRITE, Duration.ofDays(3650), new UsageLedger(PriceTable.EMPTY))
                .chat(REQUEST);
        ChatResponse thenCached = run(CacheMode.READ_WRITE, Duration.ofDays(3650), new UsageLedger(PriceTable.EMPTY))
                .chat(REQUEST);

        assertThat(fresh.cached()).isFalse();
        assertThat(thenCached.cached()).isTrue();
        assertThat(model.calls()).isEqualTo(1);
        assertThat(new ResponseCache(dir)
                        .entry(KEY, ChatResponse.class)
                        .orElseThrow()
                        .writtenAt())
                .hasValue(time.instant().truncatedTo(ChronoUnit.SECONDS));
    }
}
