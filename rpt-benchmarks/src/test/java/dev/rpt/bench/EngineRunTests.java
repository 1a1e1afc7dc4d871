package dev.rpt.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself: it runs the real engine over a generated dataset and counts what the server saw. */
class EngineRunTests {

    @TempDir
    Path work;

    private LatencyServer server;

    @BeforeEach
    void start() throws IOException {
        server = LatencyServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void runsEveryGeneratedCaseThroughTheEngineAndTheServer() throws IOException {
        RunResult run = new EngineRun(server, work).run(37, 4, "off", work.resolve("cache"));

        assertThat(run.requireAllPassed().started()).isEqualTo(37);
        assertThat(run.requests()).isEqualTo(37);
        assertThat(run.casesNanos()).isPositive().isLessThanOrEqualTo(run.engineNanos());
        assertThat(Files.readString(run.reportDirectory().resolve("last-run.json")))
                .contains("bench-00036")
                .doesNotContain("bench-00037");
    }

    @Test
    void theLatencyBoundsTheRunFromBelow() {
        server.latencyMs(50);

        RunResult run = new EngineRun(server, work).run(8, 4, "off", work.resolve("cache"));

        assertThat(run.requireAllPassed().engineMs()).isGreaterThanOrEqualTo(Benchmarks.limitMs(8, 4, 50));
    }

    @Test
    void anUnchangedReRunIsAnsweredFromTheCacheWithoutRequests() {
        EngineRun engine = new EngineRun(server, work);
        Path cache = work.resolve("cache");

        RunResult cold = engine.run(20, 4, "read-write", cache).requireAllPassed();
        RunResult warm = engine.run(20, 4, "read-write", cache).requireAllPassed();

        assertThat(cold.requests()).isEqualTo(20);
        assertThat(warm.requests()).isZero();
    }

    @Test
    void theMedianOfAnEvenCountAveragesTheMiddleTwo() {
        List<RunResult> runs = List.of(ms(40), ms(10), ms(30), ms(20));

        assertThat(Benchmarks.median(runs, RunResult::engineMs)).isEqualTo(25.0);
        assertThat(Benchmarks.median(runs.subList(0, 3), RunResult::engineMs)).isEqualTo(30.0);
    }

    private static RunResult ms(long millis) {
        return new RunResult(1, 1, 1, millis * 1_000_000, 0, 1, Path.of("."));
    }
}
