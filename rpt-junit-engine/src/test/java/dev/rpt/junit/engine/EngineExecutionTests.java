package dev.rpt.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.junit.engine.fixtures.MathPromptTestCase;
import dev.rpt.junit.engine.fixtures.StrictThresholdsTestCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class EngineExecutionTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reportDir;

    @Test
    void everyCaseIsATestAndTheReportAgreesWithTheResults() throws IOException {
        EngineExecutionResults results = run(MathPromptTestCase.class, Map.of());

        Events tests = results.testEvents();
        assertThat(tests.started().count()).isEqualTo(26);
        assertThat(tests.succeeded().count() + tests.aborted().count()).isEqualTo(26);
        JsonNode report = JSON.readTree(reportDir.resolve("last-run.json").toFile());
        assertThat(report.at("/model/simulated").asBoolean()).isTrue();
        assertThat(report.at("/model/provider").asText()).isEqualTo("sim");
        assertThat(report.get("cases")).hasSize(25);
        long failedInReport = countOutcome(report, "failed");
        long passedInReport = countOutcome(report, "passed");
        assertThat(passedInReport + failedInReport).isEqualTo(25);
        assertThat(tests.aborted().count())
                .as("wrong answers are tolerated in a class with thresholds, which pass")
                .isEqualTo(failedInReport);
        assertThat(tests.failed().count()).isZero();
        JsonNode math = report.at("/classes/0");
        assertThat(math.at("/className").asText()).isEqualTo(MathPromptTestCase.class.getName());
        assertThat(math.at("/prompt/path").asText()).isEqualTo("prompts/math.prompt");
        assertThat(math.at("/prompt/sha256").asText()).hasSize(64);
        assertThat(math.at("/metrics/n").asInt()).isEqualTo(25);
        assertThat(math.at("/metrics/accuracy").asDouble()).isEqualTo(passedInReport / 25.0);
        assertThat(math.at("/splits/holdout/n").asInt()
                        + math.at("/splits/tune/n").asInt())
                .isEqualTo(25);
        assertThat(Files.list(reportDir.resolve("runs"))).hasSize(1);
    }

    @Test
    void failingCaseQuotesTheModelAndIsRecordedWithItsKind() throws IOException {
        EngineExecutionResults results = run(StrictThresholdsTestCase.class, Map.of());

        JsonNode report = JSON.readTree(reportDir.resolve("last-run.json").toFile());
        JsonNode failed = first(report, "failed");
        assertThat(failed.at("/failure/kind").asText()).isIn("value", "format");
        assertThat(failed.at("/failure/message").asText()).contains("but the model answered");
        assertThat(results.testEvents().aborted().count())
                .as("tolerated wrong answers")
                .isGreaterThan(1);
        assertThat(results.testEvents().failed().count())
                .as("only the thresholds test")
                .isEqualTo(1);
    }

    @Test
    void thresholdsTestFailsWithTheMeasuredValueAndItsInterval() {
        EngineExecutionResults results = run(StrictThresholdsTestCase.class, Map.of());

        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("thresholds"),
                                finishedWithFailure(
                                        instanceOf(AssertionError.class),
                                        message(
                                                text -> text.contains(
                                                                "StrictThresholdsTestCase is below its thresholds")
                                                        && text.matches(
                                                                "(?s).*accuracy 0\\.\\d{3} \\(95% CI 0\\.\\d{3}–0\\.\\d{3}\\) < 0\\.950 over 24 cases.*")))));
    }

    @Test
    void repeatsRecordEverySampleAndACasePassesOnlyWhenAllDo() throws IOException {
        EngineExecutionResults results =
                run(MathPromptTestCase.class, Map.of("rpt.repeat", "3", "rpt.temperature", "0.8"));

        JsonNode report = JSON.readTree(reportDir.resolve("last-run.json").toFile());
        assertThat(report.get("cases")).hasSize(75);
        Map<String, int[]> passesById = new HashMap<>();
        for (JsonNode c : report.get("cases")) {
            int[] tally = passesById.computeIfAbsent(c.get("id").asText(), id -> new int[2]);
            tally[0]++;
            tally[1] += c.get("outcome").asText().equals("passed") ? 1 : 0;
            assertThat(c.get("sample").asInt()).isBetween(0, 2);
        }
        assertThat(passesById)
                .hasSize(25)
                .allSatisfy((id, tally) -> assertThat(tally[0]).isEqualTo(3));
        long allPassed = passesById.values().stream().filter(t -> t[1] == 3).count();
        long someFailed =
                passesById.values().stream().filter(t -> t[1] > 0 && t[1] < 3).count();
        assertThat(someFailed)
                .as("sampling noise makes some cases pass only sometimes")
                .isPositive();
        Events tests = results.testEvents();
        assertThat(tests.succeeded().count())
                .as("pass^3 cases, plus the thresholds test")
                .isEqualTo(allPassed + 1);
        assertThat(tests.aborted().stream()
                        .map(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                                .map(Throwable::getMessage)
                                .orElse("")))
                .anySatisfy(
                        message -> assertThat(message).containsPattern("tolerated .*\\(passed [12] of 3 samples\\)"));
    }

    @Test
    void configurationErrorFailsTheRunWithOneClearMessage() {
        EngineExecutionResults results = EngineTestKit.engine("rpt")
                .configurationParameters(Map.of(
                        "rpt.provider", "openai",
                        "rpt.model", "gpt-4.1-mini",
                        "rpt.api-key-env", "RPT_TEST_KEY_THAT_IS_NOT_SET",
                        "rpt.report.dir", reportDir.toString()))
                .selectors(selectClass(MathPromptTestCase.class))
                .execute();

        results.containerEvents()
                .assertThatEvents()
                .haveExactly(
                        1, event(finishedWithFailure(message(text -> text.contains("RPT_TEST_KEY_THAT_IS_NOT_SET")))));
        assertThat(results.testEvents().started().count()).isZero();
    }

    private EngineExecutionResults run(Class<?> testClass, Map<String, String> extra) {
        return SimRuns.run(testClass, reportDir, extra);
    }

    private static long countOutcome(JsonNode report, String outcome) {
        long count = 0;
        for (JsonNode c : report.get("cases")) {
            if (c.get("outcome").asText().equals(outcome)) {
                count++;
            }
        }
        return count;
    }

    private static JsonNode first(JsonNode report, String outcome) {
        for (JsonNode c : report.get("cases")) {
            if (c.get("outcome").asText().equals(outcome)) {
                return c;
            }
        }
        throw new AssertionError("no " + outcome + " case in the report");
    }
}
