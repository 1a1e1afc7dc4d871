package dev.rpt.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code rpt.batch} end to end: the engine renders every case up front, the real {@code openai} provider sends them
 * through a loopback server's Files and Batch APIs, the run proceeds from the cache, and the calls are billed at the
 * batch price; a re-run replays, and a run that stopped waiting leaves its batch for the next one to pick up.
 */
class BatchModeEndToEndTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reportDir;

    @TempDir
    Path cacheDir;

    private final MockWebServer server = new MockWebServer();
    private final FakeBatchServer batches = new FakeBatchServer(Gsm8kAnswers.replies());

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(batches);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRunsCallsGoInOneBatchAtTheBatchPriceAndARerunReplaysThem() throws IOException {
        batches.pollsBeforeDone = 2;

        var first = StdOut.capture(() -> run(Map.of()));

        assertThat(batches.batchesCreated.get()).isEqualTo(1);
        assertThat(batches.directCalls.get()).as("no call outside the batch").isZero();
        assertThat(first.out())
                .contains("[rpt] batch batch_1: submitted 25 requests to openai/gpt-4.1-mini")
                .contains("[rpt] batch batch_1: in_progress, 0 of 25 answered, 0 failed")
                .contains("[rpt] batch batch_1: completed, 25 of 25 answered, 0 failed");
        JsonNode report = JSON.readTree(reportDir.resolve("last-run.json").toFile());
        assertThat(report.at("/classes/0/metrics/n").asInt())
                .as("every case scored")
                .isEqualTo(25);
        assertThat(report.at("/classes/0/metrics/errored").asInt()).isZero();
        assertThat(report.at("/usage/calls").asInt()).isEqualTo(25);
        assertThat(report.at("/usage/cachedCalls").asInt())
                .as("batch replies are billed, not free hits")
                .isZero();
        // 25 calls × (50 input tokens at $2 + 10 output at $8 per million), at half the price.
        assertThat(report.at("/usage/costUsd").asDouble())
                .isCloseTo(0.5 * 25 * (50 * 2.0 + 10 * 8.0) / 1e6, org.assertj.core.data.Offset.offset(1e-12));

        var replay = StdOut.capture(() -> run(Map.of()));

        assertThat(batches.batchesCreated.get()).as("nothing left to batch").isEqualTo(1);
        assertThat(batches.directCalls.get()).isZero();
        assertThat(replay.out()).doesNotContain("submitted");
        JsonNode replayed = JSON.readTree(reportDir.resolve("last-run.json").toFile());
        assertThat(replayed.at("/usage/cachedCalls").asInt()).isEqualTo(25);
        assertThat(replayed.at("/classes/0/metrics/n").asInt()).isEqualTo(25);
    }

    @Test
    void aRunThatStopsWaitingErrorsItsCasesAndTheNextRunPicksTheSameBatchUp() throws IOException {
        batches.pollsBeforeDone = 1_000_000;

        var stopped = StdOut.capture(() -> run(Map.of("rpt.batch.wait", "60ms")));

        assertThat(stopped.value().testEvents().succeeded().count()).isZero();
        assertThat(stopped.value().testEvents().failed().list().stream()
                        .filter(e -> e.getTestDescriptor() instanceof CaseDescriptor))
                .hasSize(25)
                .allSatisfy(e -> assertThat(e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                                .map(Throwable::getMessage)
                                .orElse(""))
                        .contains("still pending in batch batch_1")
                        .contains("re-run to pick the same batch up"));
        assertThat(batchRecords()).hasSize(1);

        batches.pollsBeforeDone = 0;
        var resumed = StdOut.capture(() -> run(Map.of()));

        assertThat(batches.batchesCreated.get()).as("never submitted twice").isEqualTo(1);
        assertThat(resumed.out()).contains("[rpt] batch: picking up 1 batch an earlier run submitted to");
        assertThat(JSON.readTree(reportDir.resolve("last-run.json").toFile())
                        .at("/classes/0/metrics/n")
                        .asInt())
                .isEqualTo(25);
        assertThat(batchRecords()).isEmpty();
    }

    /** The batch records beside the cache (the submissions directory aside, which is empty once a batch is recorded). */
    private java.util.List<Path> batchRecords() throws IOException {
        try (Stream<Path> records = Files.list(cacheDir.resolve("batches"))) {
            return records.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void onAServerWithoutBatchesAutoCallsDirectlyAndOnFailsTheRunLeavingNoHalfWrittenReport() throws IOException {
        batches.withoutBatchApi = true;

        var auto = StdOut.capture(() -> run(Map.of("rpt.batch", "auto", "rpt.batch.min-calls", "1")));

        assertThat(auto.out())
                .containsOnlyOnce("[rpt] batch: " + server.url("/v1/files") + " answered 404: this server has no Files"
                        + " and Batch API; calling openai/gpt-4.1-mini directly");
        assertThat(batches.directCalls.get()).isEqualTo(25);
        assertThat(JSON.readTree(reportDir.resolve("last-run.json").toFile())
                        .at("/classes/0/metrics/n")
                        .asInt())
                .isEqualTo(25);
        Files.delete(reportDir.resolve("last-run.json"));

        EngineExecutionResults on =
                run(Map.of("rpt.cache.dir", cacheDir.resolve("other").toString()));

        assertThat(on.allEvents().failed().list())
                .singleElement()
                .satisfies(e -> assertThat(e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                                .map(Throwable::getMessage)
                                .orElse(""))
                        .startsWith("rpt.batch=on, but " + server.url("/v1/files") + " answered 404")
                        .contains("set rpt.batch=auto to fall back to direct calls"));
        try (Stream<Path> left = Files.walk(reportDir)) {
            assertThat(left.map(Path::getFileName).map(Path::toString))
                    .as("no partial report, and no report of a run that did not run")
                    .noneMatch(name -> name.endsWith(".part") || name.equals("last-run.json"));
        }
    }

    private EngineExecutionResults run(Map<String, String> extra) {
        return FakeBatchServer.runMath(server.url("/v1").toString(), cacheDir, reportDir, extra);
    }
}
