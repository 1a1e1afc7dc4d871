package dev.rpt.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.junit.engine.fixtures.MathPromptTestCase;
import dev.rpt.junit.engine.fixtures.MisconfiguredTestCases.MalformedRowsTestCase;
import dev.rpt.junit.engine.fixtures.MisconfiguredTestCases.MissingDatasetTestCase;
import dev.rpt.junit.engine.fixtures.MisconfiguredTestCases.MissingPromptTestCase;
import dev.rpt.junit.engine.fixtures.MisconfiguredTestCases.TooManyValuesTestCase;
import dev.rpt.junit.engine.fixtures.MisconfiguredTestCases.UnclosedQuoteTestCase;
import dev.rpt.junit.engine.fixtures.MisconfiguredTestCases.UnknownVariableTestCase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventType;

/**
 * A case file that cannot be read whole fails its own class, with one message naming every bad row at {@code
 * file:line} and the fix, while every other class of the run still runs; {@code rpt.cases.bad-rows=skip} runs the
 * class without its bad rows and counts them.
 */
class BadCaseRowsTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reportDir;

    @Test
    void eachBadClassFailsWithOneMessageAndTheHealthyClassStillRuns() {
        EngineExecutionResults results = run(
                Map.of(),
                MalformedRowsTestCase.class,
                UnclosedQuoteTestCase.class,
                TooManyValuesTestCase.class,
                MissingDatasetTestCase.class,
                UnknownVariableTestCase.class,
                MissingPromptTestCase.class,
                MathPromptTestCase.class);

        assertThat(results.testEvents().started().count())
                .as("the healthy class's cases and thresholds test ran")
                .isEqualTo(26);
        assertThat(failure(results, MalformedRowsTestCase.class))
                .contains(
                        "MalformedRowsTestCase did not run: 2 problems in its cases",
                        "cases/malformed.jsonl:2: not valid JSON",
                        "cases/malformed.jsonl:3: expected a JSON object but found a list",
                        "set rpt.cases.bad-rows=skip");
        assertThat(failure(results, UnclosedQuoteTestCase.class))
                .contains(
                        "cases/unclosed-quote.csv:3: not valid CSV",
                        "rows from line 3 on were not read",
                        "cannot be counted");
        assertThat(failure(results, TooManyValuesTestCase.class))
                .contains(
                        "cases/too-many-values.csv:3: row has 5 values but the header has 4 columns",
                        "quote values that contain commas");
        assertThat(failure(results, MissingDatasetTestCase.class))
                .contains("cases/missing.jsonl: the dataset of MissingDatasetTestCase.solves is not on the test");
        assertThat(failure(results, UnknownVariableTestCase.class))
                .contains(
                        "cases/wrong-column.jsonl:1, 2: lacks the variable 'question' that",
                        "terse.prompt uses",
                        "declare it optional");
        assertThat(failure(results, MissingPromptTestCase.class))
                .contains("prompts/missing.prompt", "src/main/resources/prompts/missing.prompt");
    }

    @Test
    void noCaseProblemIsADiscoveryErrorThatWouldStopEveryClass() {
        var issues = EngineTestKit.engine("rpt")
                .configurationParameters(Map.of("rpt.provider", "sim"))
                .selectors(selectors(
                        MalformedRowsTestCase.class,
                        UnclosedQuoteTestCase.class,
                        MissingDatasetTestCase.class,
                        UnknownVariableTestCase.class,
                        MissingPromptTestCase.class))
                .discover()
                .getDiscoveryIssues();

        assertThat(issues).isEmpty();
    }

    @Test
    void skipRunsTheClassWithoutItsBadRowsAndCountsThem() throws IOException {
        EngineExecutionResults results =
                run(Map.of("rpt.cases.bad-rows", "skip"), MalformedRowsTestCase.class, TooManyValuesTestCase.class);

        assertThat(results.containerEvents().failed().count()).isZero();
        assertThat(results.testEvents().started().list().stream()
                        .map(e -> e.getTestDescriptor().getDisplayName()))
                .containsExactlyInAnyOrder("ok-1", "ok-2", "q1", "q3");
        JsonNode report = JSON.readTree(reportDir.resolve("last-run.json").toFile());
        JsonNode malformed = report.at("/classes/0");
        assertThat(malformed.at("/className").asText()).endsWith("MalformedRowsTestCase");
        assertThat(malformed.at("/skippedRows")).hasSize(2);
        assertThat(malformed.at("/skippedRows/0/file").asText()).isEqualTo("cases/malformed.jsonl");
        assertThat(malformed.at("/skippedRows/0/line").asInt()).isEqualTo(2);
        assertThat(malformed.at("/skippedRows/1/line").asInt()).isEqualTo(3);
        assertThat(report.at("/classes/1/skippedRows/0/problem").asText()).contains("row has 5 values");
    }

    @Test
    void skipNeverSkipsAFileThatCouldNotBeReadToItsEnd() {
        EngineExecutionResults results = run(Map.of("rpt.cases.bad-rows", "skip"), UnclosedQuoteTestCase.class);

        assertThat(failure(results, UnclosedQuoteTestCase.class))
                .contains("cases/unclosed-quote.csv:3", "fails its class even with rpt.cases.bad-rows=skip");
        assertThat(results.testEvents().started().count()).isZero();
    }

    @Test
    void aBadValueOfTheKeyIsOneClearError() {
        Throwable thrown = catchThrowable(() -> run(Map.of("rpt.cases.bad-rows", "ignore"), MathPromptTestCase.class));

        assertThat(thrown).rootCause().hasMessageContainingAll("rpt.cases.bad-rows", "'ignore'", "fail, skip");
    }

    private EngineExecutionResults run(Map<String, String> extra, Class<?>... classes) {
        return SimRuns.run(reportDir, extra, classes);
    }

    private static List<? extends DiscoverySelector> selectors(Class<?>... classes) {
        return Stream.of(classes).map(c -> selectClass(c)).toList();
    }

    /** The message the class's container failed with; the test fails if the class did not fail. */
    private static String failure(EngineExecutionResults results, Class<?> testClass) {
        return results.containerEvents().list().stream()
                .filter(e -> e.getType() == EventType.FINISHED)
                .filter(e -> e.getTestDescriptor().getSource().equals(Optional.of(ClassSource.from(testClass))))
                .map(e -> e.getRequiredPayload(TestExecutionResult.class))
                .filter(r -> r.getStatus() == TestExecutionResult.Status.FAILED)
                .map(r -> r.getThrowable().orElseThrow().getMessage())
                .findFirst()
                .orElseThrow(() -> new AssertionError(testClass.getSimpleName() + " did not fail"));
    }
}
