package dev.rpt.core.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rpt.api.ToolCall;
import dev.rpt.api.Usage;
import dev.rpt.core.files.Sha256;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.model.TokenLogprob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseCacheTests {

    private static final String KEY = Sha256.hex("request one");
    private static final String OTHER_KEY = Sha256.hex("request two");
    private static final ChatResponse RESPONSE = new ChatResponse(
            "{\"answer\": \"4\", \"confidence\": 0.93}",
            List.of(new ToolCall("call_1", "lookup", "{\"w\":\"naïve ✓\"}")),
            null,
            FinishReason.TOOL_CALLS,
            new Usage(120, 30, 151),
            List.of(new TokenLogprob(
                    "4",
                    -1.0E-4,
                    List.of(new TokenLogprob.Alternative("5", -9.25), new TokenLogprob.Alternative("four", -12.0)))),
            "gpt-4.1-mini-2025-04-14",
            false);

    @TempDir
    Path dir;

    private ResponseCache cache;
    private final Logger julLogger = Logger.getLogger(ResponseCache.class.getName());
    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void setUp() {
        cache = new ResponseCache(dir);
        julLogger.addHandler(handler);
        // The warnings are asserted here; keep them off the build output.
        julLogger.setUseParentHandlers(false);
    }

    @AfterEach
    void tearDown() {
        julLogger.removeHandler(handler);
        julLogger.setUseParentHandlers(true);
    }

    @Test
    void storesAnEntryUnderItsShardAndReadsItBackUnchanged() throws IOException {
        cache.write(KEY, RESPONSE);

        Path file = dir.resolve(KEY.substring(0, 2)).resolve(KEY + ".json");
        assertThat(cache.pathOf(KEY)).isEqualTo(file);
        assertThat(file).isRegularFile();
        assertThat(Files.readString(file)).contains("\"key\" : \"" + KEY + "\"", "\"responseSha256\"");
        assertThat(cache.read(KEY)).contains(RESPONSE);
        assertThat(cache.read(OTHER_KEY)).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void anEntryStatesWhenItWasWrittenToTheSecond() throws IOException {
        ResponseCache clocked = new ResponseCache(dir, InstantSource.fixed(Instant.parse("2026-11-05T09:12:44.518Z")));

        clocked.write(KEY, RESPONSE);

        assertThat(Files.readString(clocked.pathOf(KEY)))
                .containsSubsequence("\"key\"", "\"writtenAt\" : \"2026-11-05T09:12:44Z\"", "\"responseSha256\"");
        assertThat(clocked.entry(KEY, ChatResponse.class).orElseThrow())
                .isEqualTo(new ResponseCache.Entry<>(RESPONSE, Optional.of(Instant.parse("2026-11-05T09:12:44Z"))));
    }

    @Test
    void anEntryWithAnUnreadableWriteTimeIsAMiss() throws IOException {
        cache.write(KEY, RESPONSE);
        Path file = cache.pathOf(KEY);
        Files.writeString(
                file,
                Files.readString(file).replaceFirst("\"writtenAt\" : \"[^\"]*\"", "\"writtenAt\" : \"last week\""));

        assertThat(cache.read(KEY)).isEmpty();

        assertThat(file).doesNotExist();
        assertThat(new SimpleFormatter().formatMessage(warnings.get(0))).contains("writtenAt");
    }

    @Test
    void aHalfWrittenEntryIsAMissAndIsDeletedWithAWarning() throws IOException {
        cache.write(KEY, RESPONSE);
        Path file = cache.pathOf(KEY);
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() / 2));

        assertThat(cache.read(KEY)).isEmpty();

        assertThat(file).doesNotExist();
        assertThat(warnings)
                .singleElement()
                .satisfies(record -> assertThat(new SimpleFormatter().formatMessage(record))
                        .contains("corrupt rpt cache entry", file.toString()));
    }

    @Test
    void anEntryWithAnEditedResponseIsAMiss() throws IOException {
        cache.write(KEY, RESPONSE);
        Path file = cache.pathOf(KEY);
        Files.writeString(file, Files.readString(file).replace("0.93", "0.99"));

        assertThat(cache.read(KEY)).isEmpty();

        assertThat(file).doesNotExist();
        assertThat(new SimpleFormatter().formatMessage(warnings.get(0))).contains("checksum");
    }

    @Test
    void anEntryFiledUnderAnotherKeyIsAMiss() throws IOException {
        cache.write(KEY, RESPONSE);
        Path misplaced = cache.pathOf(OTHER_KEY);
        Files.createDirectories(misplaced.getParent());
        Files.copy(cache.pathOf(KEY), misplaced);

        assertThat(cache.read(OTHER_KEY)).isEmpty();

        assertThat(misplaced).doesNotExist();
        assertThat(cache.read(KEY)).contains(RESPONSE);
    }

    @Test
    void entriesOfAnotherFormatOrShapeAreMisses() throws IOException {
        Path file = cache.pathOf(KEY);
        Files.createDirectories(file.getParent());
        for (String text : List.of(
                "",
                "not json",
                "[]",
                "{\"format\": 99, \"key\": \"" + KEY + "\"}",
                "{\"format\": 1, \"key\": \"" + KEY + "\", \"responseSha256\": \"x\"}",
                "{\"format\": 1, \"key\": \"" + KEY + "\", \"responseSha256\": \"" + Sha256.hex("{}")
                        + "\", \"response\": {}}")) {
            Files.writeString(file, text, StandardCharsets.UTF_8);

            assertThat(cache.read(KEY)).as(text).isEmpty();
            assertThat(file).as(text).doesNotExist();
        }
        assertThat(warnings).hasSize(6);
    }

    @Test
    void concurrentWritersOfOneKeyLeaveOneSoundEntry() throws Exception {
        int writers = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 20; round++) {
                        cache.write(KEY, RESPONSE);
                        assertThat(cache.read(KEY)).contains(RESPONSE);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(cache.read(KEY)).contains(RESPONSE);
        try (Stream<Path> files = Files.list(cache.pathOf(KEY).getParent())) {
            assertThat(files).containsExactly(cache.pathOf(KEY));
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void aWriteThatFailsIsLoggedNotThrown() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        ResponseCache broken = new ResponseCache(notADirectory);

        broken.write(KEY, RESPONSE);

        assertThat(broken.read(KEY)).isEmpty();
        assertThat(new SimpleFormatter().formatMessage(warnings.get(0))).contains("Cannot write rpt cache entry");
    }

    @Test
    void keysMustBeSha256Hex() {
        assertThatThrownBy(() -> cache.pathOf("../../etc/passwd")).hasMessageContaining("64 lower-case hex");
    }

    @Test
    void anEntryHasThePermissionsOfAnyNewFileInItsDirectory() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));

        cache.write(KEY, RESPONSE);

        Path entry = cache.pathOf(KEY);
        assertThat(Files.getPosixFilePermissions(entry))
                .isEqualTo(Files.getPosixFilePermissions(Files.createFile(entry.resolveSibling("fresh"))));
    }
}
