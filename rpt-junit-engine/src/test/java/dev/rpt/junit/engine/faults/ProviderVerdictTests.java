package dev.rpt.junit.engine.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.junit.engine.StdOut;
import dev.rpt.junit.engine.fixtures.ErrorTolerantFaultTestCase;
import dev.rpt.junit.engine.fixtures.FaultPromptTestCase;
import dev.rpt.junit.engine.fixtures.StatisticalFaultTestCase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Errored cases are not wrong answers: in a class judged by its thresholds they still fail, unless the class allows
 * an error rate; and when the provider rejects the key, rpt stops calling it after the first reply and marks the rest
 * errored with one reason.
 */
class ProviderVerdictTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CASES = 24;
    private static final MockResponse BAD_REQUEST =
            FakeOpenAiServer.json(400, "{\"error\":{\"message\":\"context length exceeded\",\"type\":\"invalid\"}}");

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
    void erroredCasesFailAStatisticalClassWhoseThresholdsHold() {
        server.fault((attempt, request, ok) -> request % 4 == 0 ? BAD_REQUEST : ok);

        EngineExecutionResults results =
                run(StatisticalFaultTestCase.class, Map.of()).value();

        assertThat(results.testEvents().failed().count())
                .as("the 6 errored cases")
                .isEqualTo(CASES / 4);
        assertThat(results.testEvents().failed().list())
                .allSatisfy(event -> assertThat(throwable(event).getMessage())
                        .contains("errored before an answer: BadRequestException: HTTP 400")
                        .satisfies(message ->
                                assertThat(throwable(event).getStackTrace()).isEmpty()));
        assertThat(results.testEvents().succeeded().count())
                .as("18 cases and the thresholds test")
                .isEqualTo(19);
    }

    @Test
    void anAllowedErrorRateToleratesErroredCasesAndTheThresholdsTestChecksIt() {
        server.fault((attempt, request, ok) -> request % 4 == 0 ? BAD_REQUEST : ok);

        EngineExecutionResults results =
                run(ErrorTolerantFaultTestCase.class, Map.of()).value();

        assertThat(results.testEvents().failed().count()).isZero();
        assertThat(results.testEvents().aborted().list())
                .hasSize(CASES / 4)
                .allSatisfy(event -> assertThat(throwable(event).getMessage())
                        .startsWith("Errored, tolerated (ErrorTolerantFaultTestCase allows errors up to its @Thresholds"
                                + " maxErrorRate): BadRequestException"));
    }

    @Test
    void aRejectedKeyStopsTheCallsAndEveryCaseIsAccountedForWithOneReason() throws IOException {
        server.fault((attempt, request, ok) -> FakeOpenAiServer.json(
                401, "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}"));

        StdOut.Captured<EngineExecutionResults> captured = run(FaultPromptTestCase.class, Map.of());

        assertThat(server.requests())
                .as("only the calls already holding a permit reach the server")
                .isLessThanOrEqualTo(4);
        JsonNode report = JSON.readTree(reportDir.resolve("last-run.json").toFile());
        assertThat(report.get("cases")).hasSize(CASES);
        long stopped = 0;
        for (JsonNode c : report.get("cases")) {
            assertThat(c.get("outcome").asText()).isEqualTo("errored");
            String kind = c.at("/error/kind").asText();
            assertThat(kind).isIn("AuthenticationException", "ProviderStoppedException");
            stopped += kind.equals("ProviderStoppedException") ? 1 : 0;
        }
        assertThat(stopped).isGreaterThanOrEqualTo(CASES - 4);
        // The cases that reached the server fail with its answer; of those never sent, one fails with the reason and
        // the others are aborted with it.
        EngineExecutionResults results = captured.value();
        assertThat(results.testEvents().failed().count()).isEqualTo(CASES - stopped + 1);
        assertThat(results.testEvents().aborted().list())
                .hasSize((int) stopped - 1)
                .allSatisfy(event -> assertThat(throwable(event).getMessage())
                        .startsWith("Not sent: rpt stopped calling the model under test openai/gpt-4.1-mini after"));
        assertThat(results.testEvents().failed().list())
                .filteredOn(event -> throwable(event).getMessage().contains("rpt stopped"))
                .singleElement()
                .satisfies(event -> assertThat(throwable(event).getMessage())
                        .startsWith("FaultPromptTestCase: rpt stopped calling the model under test"
                                + " openai/gpt-4.1-mini after an error that every call would repeat. The provider"
                                + " rejected the API key")
                        .contains("The other cases of FaultPromptTestCase that were not sent are reported as"
                                + " aborted (skipped)"));
        assertThat(captured.out().lines().filter(line -> line.startsWith("[rpt] STOPPED")))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("[rpt] STOPPED calling the model under test openai/gpt-4.1-mini after an error"
                                + " that every call would"
                                + " repeat. The provider rejected the API key: set the environment variable named by"
                                + " rpt.api-key-env")
                        .contains("Incorrect API key provided"));
        assertThat(captured.out())
                .containsPattern("\\[rpt\\]   FaultPromptTestCase: \\d+ cases not sent after the provider stopped");
        assertThat(captured.out().lines().filter(line -> line.contains("\tat ")))
                .as("no stack trace")
                .isEmpty();
    }

    private static Throwable throwable(org.junit.platform.testkit.engine.Event event) {
        return event.getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .orElseThrow();
    }

    private StdOut.Captured<EngineExecutionResults> run(Class<?> testClass, Map<String, String> extra) {
        Map<String, String> config = server.engineConfiguration(reportDir);
        config.put("rpt.concurrency", "4");
        config.putAll(extra);
        return StdOut.capture(() -> EngineTestKit.engine("rpt")
                .configurationParameters(config)
                .selectors(selectClass(testClass))
                .execute());
    }
}
