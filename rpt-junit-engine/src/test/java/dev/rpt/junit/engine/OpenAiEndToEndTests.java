package dev.rpt.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.junit.engine.fixtures.MathPromptTestCase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs a prompt test class through the real {@code openai} provider against a fake Chat Completions server: real
 * request bytes, real JSON replies, a provider error, and the concurrency bound measured on the server side.
 */
class OpenAiEndToEndTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BROKEN_QUESTION_PREFIX = "Janet";
    private static final int CONCURRENCY = 3;

    @TempDir
    Path reportDir;

    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch concurrencyReached = new CountDownLatch(CONCURRENCY);
    private final Map<String, String> answers = new HashMap<>();

    @BeforeEach
    void start() throws IOException {
        answers.putAll(Gsm8kAnswers.load());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                requests.incrementAndGet();
                int now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
                try {
                    concurrencyReached.countDown();
                    // Hold each call until the limit is reached (or briefly), so overlapping calls are observable.
                    concurrencyReached.await(200, TimeUnit.MILLISECONDS);
                    return answer(request);
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void casesRunThroughTheOpenAiWireFormatWithErrorsApartAndConcurrencyBounded() throws IOException {
        EngineExecutionResults results = EngineTestKit.engine("rpt")
                .configurationParameters(Map.of(
                        "rpt.provider", "openai",
                        "rpt.model", "gpt-4.1-mini",
                        "rpt.base-url", server.url("/v1").toString(),
                        "rpt.api-key-env", "none",
                        "rpt.concurrency", String.valueOf(CONCURRENCY),
                        "rpt.cache", "off",
                        "rpt.retry.max-attempts", "1",
                        "rpt.report.dir", reportDir.toString()))
                .selectors(selectClass(MathPromptTestCase.class))
                .execute();

        JsonNode report = JSON.readTree(reportDir.resolve("last-run.json").toFile());
        assertThat(requests.get()).isEqualTo(25);
        assertThat(maxInFlight.get()).isGreaterThan(1).isLessThanOrEqualTo(CONCURRENCY);
        assertThat(report.at("/model/simulated").asBoolean()).isFalse();
        JsonNode errored = null;
        int passed = 0;
        for (JsonNode c : report.get("cases")) {
            if (c.get("outcome").asText().equals("errored")) {
                assertThat(errored).as("only one case errors").isNull();
                errored = c;
            } else if (c.get("outcome").asText().equals("passed")) {
                passed++;
            }
        }
        assertThat(errored).isNotNull();
        assertThat(errored.at("/error/kind").asText()).isEqualTo("BadRequestException");
        assertThat(errored.at("/error/message").asText()).contains("context length exceeded");
        assertThat(passed).as("every other case answered right").isEqualTo(24);
        assertThat(report.at("/classes/0/metrics/errored").asInt()).isEqualTo(1);
        assertThat(report.at("/classes/0/metrics/n").asInt())
                .as("errored cases are not scored")
                .isEqualTo(24);
        assertThat(report.at("/usage/calls").asInt()).isEqualTo(25);
        assertThat(results.testEvents().failed().count())
                .as("only the errored case")
                .isEqualTo(1);
    }

    private MockResponse answer(RecordedRequest request) {
        try {
            JsonNode body = JSON.readTree(request.getBody().utf8());
            String user = body.at("/messages/1/content").asText();
            if (user.startsWith(BROKEN_QUESTION_PREFIX)) {
                return new MockResponse.Builder()
                        .code(400)
                        .addHeader("content-type", "application/json")
                        .body("{\"error\":{\"message\":\"context length exceeded\",\"type\":\"invalid_request_error\","
                                + "\"param\":null,\"code\":\"context_length_exceeded\"}}")
                        .build();
            }
            assertThat(body.at("/response_format/json_schema/name").asText()).isEqualTo("target_answer");
            String answer = answers.getOrDefault(user, "I don't know");
            double confidence = answers.containsKey(user) ? 0.9 : 0.1;
            ObjectNode content = JSON.createObjectNode()
                    .put("answer", answer)
                    .put("confidence", confidence)
                    .put("justification", "looked it up");
            ObjectNode reply = JSON.createObjectNode();
            reply.put("id", "chatcmpl-1").put("object", "chat.completion").put("model", "gpt-4.1-mini");
            ObjectNode choice = reply.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", content.toString());
            reply.putObject("usage")
                    .put("prompt_tokens", 50)
                    .put("completion_tokens", 10)
                    .put("total_tokens", 60);
            return new MockResponse.Builder()
                    .addHeader("content-type", "application/json")
                    .body(reply.toString())
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
