package dev.rpt.junit.engine.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.junit.engine.fixtures.FaultPromptTestCase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs a 24-case prompt test class through the real {@code openai} provider against a server that misbehaves in one
 * way per test, with the real retry layer (tiny backoff). Whatever the fault, the run accounts for every case:
 * the report holds all 24, passed + failed + errored = 24, errored cases are not scored as wrong answers, and the
 * JUnit results agree with the report.
 */
class FaultInjectionTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CASES = 24;
    private static final int MAX_ATTEMPTS = 3;

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

    /** Faults that retrying can cure: each case's first attempt gets the fault, its retry the right answer. */
    static Stream<Arguments> transientFaults() {
        return Stream.of(
                Arguments.of("429 with Retry-After", rateLimited()),
                Arguments.of("500", status(500)),
                Arguments.of("502", status(502)),
                Arguments.of("503", status(503)),
                Arguments.of("connection reset", connectionReset()),
                Arguments.of("read timeout", readTimeout()),
                Arguments.of("body cut off by a closed connection", cutConnection()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transientFaults")
    void transientFaultIsRetriedAndEveryCasePasses(String name, MockResponse fault) throws IOException {
        server.fault((attempt, request, ok) -> attempt == 1 ? fault : ok);

        Run run = run();

        run.assertAccountsForEveryCase();
        assertThat(run.count("passed"))
                .as(name + ": every case passes after its retry; first error: " + run.firstError())
                .isEqualTo(CASES);
        assertThat(server.attemptsPerQuestion().values())
                .as(name + ": each case was sent at least twice")
                .allSatisfy(attempts -> assertThat(attempts).isGreaterThanOrEqualTo(2));
        assertThat(run.report.at("/usage/errors").asInt()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transientFaults")
    void faultThatNeverClearsErrorsEveryCaseAfterTheLastAttempt(String name, MockResponse fault) throws IOException {
        server.fault((attempt, request, ok) -> fault);

        Run run = run();

        run.assertAccountsForEveryCase();
        assertThat(run.count("errored")).as(name + ": every case errored").isEqualTo(CASES);
        assertThat(run.report.at("/classes/0/metrics/n").asInt())
                .as("errored cases are not scored as wrong answers")
                .isZero();
        assertThat(server.attemptsPerQuestion().values())
                .as(name + ": rpt.retry.max-attempts bounds the attempts")
                .allSatisfy(attempts -> assertThat(attempts).isGreaterThanOrEqualTo(MAX_ATTEMPTS));
        assertThat(run.firstError()).contains("gave up after " + MAX_ATTEMPTS + " attempts");
    }

    /** Answers that retrying cannot cure: one attempt, then the case errors with the reason. */
    static Stream<Arguments> brokenAnswers() {
        return Stream.of(
                Arguments.of("truncated JSON body", truncatedJson(), "MalformedResponseException"),
                Arguments.of(
                        "non-JSON body",
                        new MockResponse.Builder()
                                .addHeader("content-type", "text/html")
                                .body("<html><body>Bad gateway</body></html>")
                                .build(),
                        "MalformedResponseException"),
                Arguments.of(
                        "empty choices",
                        FakeOpenAiServer.json(
                                200,
                                "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[],"
                                        + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":0,"
                                        + "\"total_tokens\":1}}"),
                        "MalformedResponseException"),
                Arguments.of(
                        "400 bad request",
                        FakeOpenAiServer.json(
                                400,
                                "{\"error\":{\"message\":\"context length exceeded\","
                                        + "\"type\":\"invalid_request_error\"}}"),
                        "BadRequestException"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenAnswers")
    void brokenAnswerErrorsTheCaseWithoutRetrying(String name, MockResponse fault, String kind) throws IOException {
        server.fault((attempt, request, ok) -> request % 2 == 0 ? fault : ok);

        Run run = run();

        run.assertAccountsForEveryCase();
        assertThat(run.count("errored")).as(name).isEqualTo(CASES / 2);
        assertThat(run.count("passed")).as(name).isEqualTo(CASES / 2);
        assertThat(server.requests()).as(name + ": not retried").isEqualTo(CASES);
        for (JsonNode c : run.report.get("cases")) {
            if (c.get("outcome").asText().equals("errored")) {
                assertThat(c.at("/error/kind").asText()).isEqualTo(kind);
            }
        }
        assertThat(run.report.at("/classes/0/metrics/n").asInt()).isEqualTo(CASES / 2);
        assertThat(run.report.at("/classes/0/metrics/accuracy").asDouble())
                .as("errored cases do not lower the accuracy")
                .isEqualTo(1.0);
    }

    /** Replies that arrive fine but answer wrongly: the case FAILS with a format error; it is not an error. */
    static Stream<Arguments> unusableReplies() {
        return Stream.of(
                Arguments.of(
                        "refusal",
                        FakeOpenAiServer.completion(
                                message -> message.put("refusal", "I can't help with that request."))),
                Arguments.of(
                        "prose that ignores the output schema",
                        FakeOpenAiServer.completion(message -> message.put(
                                "content", "Well, it depends on how you count the eggs. Probably a lot."))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableReplies")
    void replyWithoutAnAnswerFailsTheCaseAsAFormatError(String name, MockResponse reply) throws IOException {
        server.fault((attempt, request, ok) -> reply);

        Run run = run();

        run.assertAccountsForEveryCase();
        assertThat(run.count("failed")).as(name + ": wrong, not errored").isEqualTo(CASES);
        for (JsonNode c : run.report.get("cases")) {
            assertThat(c.get("formatError").asBoolean())
                    .as(c.get("id").asText())
                    .isTrue();
            assertThat(c.at("/failure/kind").asText()).isEqualTo("format");
        }
        assertThat(run.report.at("/classes/0/metrics/n").asInt()).isEqualTo(CASES);
        assertThat(run.report.at("/classes/0/metrics/errored").asInt()).isZero();
        assertThat(server.requests())
                .as(name + ": a reply is final, never retried")
                .isEqualTo(CASES);
    }

    @Test
    void retryAfterIsHonoured() throws IOException {
        server.fault((attempt, request, ok) -> attempt == 1
                ? new MockResponse.Builder()
                        .code(429)
                        .addHeader("retry-after", "0.3")
                        .body("{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}")
                        .build()
                : ok);

        Run run = run();

        run.assertAccountsForEveryCase();
        assertThat(run.count("passed")).isEqualTo(CASES);
        // The backoff is 1ms; only the server's Retry-After makes each case wait 300ms before its second attempt.
        for (JsonNode c : run.report.get("cases")) {
            assertThat(c.get("latencyMs").asLong()).as(c.get("id").asText()).isGreaterThanOrEqualTo(290);
        }
    }

    private static MockResponse rateLimited() {
        return new MockResponse.Builder()
                .code(429)
                .addHeader("content-type", "application/json")
                .addHeader("retry-after", "0.01")
                .body(
                        "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}")
                .build();
    }

    private static MockResponse status(int code) {
        return FakeOpenAiServer.json(
                code, "{\"error\":{\"message\":\"upstream trouble " + code + "\",\"type\":\"server_error\"}}");
    }

    private static MockResponse connectionReset() {
        return new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket())
                .build();
    }

    private static MockResponse readTimeout() {
        return new MockResponse.Builder()
                .headersDelay(1, TimeUnit.SECONDS)
                .body("{}")
                .build();
    }

    private static MockResponse cutConnection() {
        String complete = FakeOpenAiServer.bodyOf(FakeOpenAiServer.ok("18"));
        return new MockResponse.Builder()
                .addHeader("content-type", "application/json")
                .body(complete.substring(0, 40))
                .setHeader("Content-Length", complete.length())
                .onResponseEnd(new SocketEffect.CloseSocket(true, true, true))
                .build();
    }

    private static MockResponse truncatedJson() {
        String complete = FakeOpenAiServer.bodyOf(FakeOpenAiServer.ok("18"));
        return FakeOpenAiServer.json(200, complete.substring(0, complete.length() / 2));
    }

    private Run run() throws IOException {
        Map<String, String> config = server.engineConfiguration(reportDir);
        config.put("rpt.concurrency", "8");
        config.put("rpt.retry.max-attempts", String.valueOf(MAX_ATTEMPTS));
        config.put("rpt.timeout", "250ms");
        EngineExecutionResults results = EngineTestKit.engine("rpt")
                .configurationParameters(config)
                .selectors(selectClass(FaultPromptTestCase.class))
                .execute();
        return new Run(results, JSON.readTree(reportDir.resolve("last-run.json").toFile()));
    }

    /** One engine run: the JUnit events and the report it wrote. */
    record Run(EngineExecutionResults results, JsonNode report) {

        long count(String outcome) {
            long n = 0;
            for (JsonNode c : report.get("cases")) {
                n += c.get("outcome").asText().equals(outcome) ? 1 : 0;
            }
            return n;
        }

        long countError(String kind) {
            long n = 0;
            for (JsonNode c : report.get("cases")) {
                n += c.at("/error/kind").asText().equals(kind) ? 1 : 0;
            }
            return n;
        }

        String firstError() {
            for (JsonNode c : report.get("cases")) {
                if (c.get("outcome").asText().equals("errored")) {
                    return c.at("/error/message").asText();
                }
            }
            return "";
        }

        void assertAccountsForEveryCase() {
            long started = results.testEvents().started().count();
            assertThat(started).as("cases discovered and started").isEqualTo(CASES);
            assertThat(report.get("cases")).as("cases in the report").hasSize(CASES);
            assertThat(count("passed") + count("failed") + count("errored"))
                    .as("passed + failed + errored")
                    .isEqualTo(CASES);
            assertThat(results.testEvents().succeeded().count()).isEqualTo(count("passed"));
            long notSent = countError("ProviderStoppedException");
            // A stopped provider is one failure per class: the first case not sent fails, the others are aborted.
            assertThat(results.testEvents().aborted().count())
                    .as("cases not sent after the first")
                    .isEqualTo(Math.max(0, notSent - 1));
            assertThat(results.testEvents().failed().count())
                    .isEqualTo(count("failed") + count("errored") - Math.max(0, notSent - 1));
            assertThat(report.at("/classes/0/metrics/errored").asLong()).isEqualTo(count("errored"));
            assertThat(report.at("/classes/0/metrics/n").asLong())
                    .as("scored cases exclude the errored")
                    .isEqualTo(count("passed") + count("failed"));
        }
    }
}
