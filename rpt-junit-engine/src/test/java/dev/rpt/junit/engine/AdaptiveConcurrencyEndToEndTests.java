package dev.rpt.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.junit.engine.fixtures.MathPromptTestCase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rpt.concurrency=auto} through the engine, as a user sets it: a server that allows two requests in flight and
 * answers 429 beyond them. Every case still gets its answer, the limit is cut, and the run says where it ended.
 */
class AdaptiveConcurrencyEndToEndTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CAPACITY = 2;

    @TempDir
    Path reportDir;

    @Test
    void theLimitBacksOffFromThrottlingAndEveryCaseIsAnswered() throws IOException {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger throttled = new AtomicInteger();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    int now = inFlight.incrementAndGet();
                    try {
                        if (now > CAPACITY) {
                            throttled.incrementAndGet();
                            return new MockResponse.Builder()
                                    .code(429)
                                    .addHeader("content-type", "application/json")
                                    .addHeader("retry-after-ms", "5")
                                    .body("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\","
                                            + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}")
                                    .build();
                        }
                        TimeUnit.MILLISECONDS.sleep(20);
                        return ChatCompletions.text(
                                "{\"answer\":\"1\",\"confidence\":0.5,\"justification\":\"a guess\"}");
                    } finally {
                        inFlight.decrementAndGet();
                    }
                }
            });
            server.start();

            var captured = StdOut.capture(() -> runOn(server));

            JsonNode report = JSON.readTree(reportDir.resolve("last-run.json").toFile());
            assertThat(report.at("/classes/0/metrics/errored").asInt())
                    .as("every throttled call was retried to an answer")
                    .isZero();
            assertThat(report.at("/classes/0/metrics/n").asInt()).isEqualTo(25);
            assertThat(throttled.get())
                    .as("the limit started above what the server allows")
                    .isPositive();
            assertThat(captured.out())
                    .containsPattern("\\[rpt\\] concurrency auto for openai/gpt-4\\.1-mini: ended at \\d+ in flight"
                            + " \\(at most 16\\); " + throttled.get() + " throttled attempts, [1-9]\\d* cuts");
        }
    }

    private org.junit.platform.testkit.engine.EngineExecutionResults runOn(MockWebServer server) {
        return org.junit.platform.testkit.engine.EngineTestKit.engine("rpt")
                .configurationParameters(Map.of(
                        "rpt.provider", "openai",
                        "rpt.model", "gpt-4.1-mini",
                        "rpt.base-url", server.url("/v1").toString(),
                        "rpt.api-key-env", "none",
                        "rpt.concurrency", "auto",
                        "rpt.concurrency.max", "16",
                        "rpt.retry.max-attempts", "30",
                        "rpt.retry.initial-backoff", "5ms",
                        "rpt.cache", "off",
                        "rpt.report.dir", reportDir.toString()))
                .selectors(selectClass(MathPromptTestCase.class))
                .execute();
    }
}
