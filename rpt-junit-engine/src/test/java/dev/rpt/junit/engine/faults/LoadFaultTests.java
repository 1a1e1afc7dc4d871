package dev.rpt.junit.engine.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.junit.engine.fixtures.LoadPromptTestCase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * 2,000 cases at concurrency 64 against a zero-latency server that rate-limits every 20th request (5%): every case
 * is retried to an answer and accounted for. The 10,000-case run belongs in the benchmark harness; this
 * size keeps the unit build fast on a 2-core machine.
 */
class LoadFaultTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CASES = 2_000;

    @TempDir
    Path reportDir;

    private FakeOpenAiServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeOpenAiServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyCaseIsAccountedForUnderLoadWithInjectedRateLimits() throws IOException {
        server.fault((attempt, request, ok) -> request % 20 == 0
                ? new MockResponse.Builder()
                        .code(429)
                        .addHeader("retry-after-ms", "1")
                        .body("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}")
                        .build()
                : ok);

        long started = System.nanoTime();
        EngineExecutionResults results = EngineTestKit.engine("rpt")
                .configurationParameters(Map.of(
                        "rpt.provider", "openai",
                        "rpt.model", "gpt-4.1-mini",
                        "rpt.base-url", server.baseUrl(),
                        "rpt.api-key-env", "none",
                        "rpt.concurrency", "64",
                        "rpt.cache", "off",
                        "rpt.retry.initial-backoff", "1ms",
                        "rpt.report.dir", reportDir.toString()))
                .selectors(selectClass(LoadPromptTestCase.class))
                .execute();
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        JsonNode report = JSON.readTree(reportDir.resolve("last-run.json").toFile());
        Set<String> ids = new HashSet<>();
        int passed = 0;
        for (JsonNode c : report.get("cases")) {
            ids.add(c.get("id").asText());
            passed += c.get("outcome").asText().equals("passed") ? 1 : 0;
        }
        assertThat(results.testEvents().started().count()).isEqualTo(CASES);
        assertThat(ids).as("every case once in the report").hasSize(CASES);
        assertThat(report.get("cases")).hasSize(CASES);
        assertThat(passed)
                .as("every rate-limited call was retried to its answer")
                .isEqualTo(CASES);
        assertThat(results.testEvents().succeeded().count()).isEqualTo(CASES);
        assertThat(server.requests())
                .as("about 5% of requests were rate-limited and sent again")
                .isGreaterThan(CASES + CASES / 25)
                .isLessThan(CASES + CASES / 10);
        assertThat(report.at("/usage/calls").asInt()).isEqualTo(CASES);
        assertThat(report.at("/usage/errors").asInt()).isZero();
        assertThat(elapsedMs)
                .as("the load run stays fast enough for the unit build")
                .isLessThan(60_000);
    }
}
