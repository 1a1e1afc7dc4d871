package dev.rpt.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.junit.engine.fixtures.MathPromptTestCase;
import dev.rpt.junit.engine.fixtures.MustPassTestCase;
import dev.rpt.junit.engine.fixtures.StrictThresholdsTestCase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.TestAbortedException;

/**
 * A class with {@code @Thresholds} is judged as a whole: a wrong answer is reported as aborted (skipped in build
 * tools) with the model's answer in its message, must-pass cases still fail, the thresholds test gives the verdict,
 * and the console has one line per case that did not pass and a summary table.
 */
class StatisticalVerdictTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reportDir;

    @Test
    void wrongAnswersInAClassWithThresholdsAreAbortedWithTheAnswerAndTheThresholdsTestDecides() {
        var captured = StdOut.capture(() -> run(MathPromptTestCase.class, Map.of()));
        EngineExecutionResults results = captured.value();

        List<Event> aborted = results.testEvents().aborted().list();
        assertThat(results.testEvents().failed().count())
                .as("no case fails the build")
                .isZero();
        assertThat(aborted).as("the simulator gets some cases wrong").isNotEmpty();
        assertThat(aborted).allSatisfy(event -> {
            Throwable thrown = throwable(event);
            assertThat(thrown).isInstanceOf(TestAbortedException.class);
            assertThat(thrown.getMessage())
                    .startsWith("Wrong answer, tolerated (MathPromptTestCase is judged by its @Thresholds): ")
                    .contains("but the model answered");
            assertThat(thrown.getStackTrace())
                    .as("no stack trace for a wrong answer")
                    .isEmpty();
        });
        assertThat(captured.out())
                .contains("[rpt]   WRONG (tolerated) MathPromptTestCase ")
                .containsPattern("\\[rpt\\] class +n errored  accuracy \\[95% CI\\]")
                .containsPattern(
                        "\\[rpt\\] MathPromptTestCase +25 +0  0\\.\\d{3} \\[0\\.\\d{3}, \\d\\.\\d{3}\\] .* PASS:"
                                + " accuracy ≥ 0\\.500 ok, ECE ≤ 0\\.500 ok");
    }

    @Test
    void mustPassCasesFailEvenInAStatisticalClassAndTheReportRecordsTheMark() throws IOException {
        EngineExecutionResults results = run(MustPassTestCase.class, Map.of());

        Map<String, TestExecutionResult.Status> byCase = new HashMap<>();
        Map<String, String> messages = new HashMap<>();
        results.testEvents().finished().stream().forEach(event -> {
            String name = event.getTestDescriptor().getLegacyReportingName();
            TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
            byCase.put(name, result.getStatus());
            result.getThrowable().ifPresent(t -> messages.put(name, t.getMessage()));
        });
        assertThat(byCase)
                .containsEntry("solves[tolerated]", TestExecutionResult.Status.ABORTED)
                .containsEntry("solves[not-a-contract]", TestExecutionResult.Status.ABORTED)
                .containsEntry("solves[contract]", TestExecutionResult.Status.FAILED)
                .containsEntry("golden[golden]", TestExecutionResult.Status.FAILED)
                .containsEntry("thresholds", TestExecutionResult.Status.SUCCESSFUL);
        assertThat(messages.get("solves[contract]"))
                .startsWith("Must-pass case 'contract' answered wrong: Expected the number -1")
                .contains("but the model answered");
        JsonNode report = JSON.readTree(reportDir.resolve("last-run.json").toFile());
        Map<String, Boolean> marks = new HashMap<>();
        report.get("cases")
                .forEach(c -> marks.put(c.get("id").asText(), c.get("mustPass").asBoolean()));
        assertThat(marks)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("tolerated", false, "contract", true, "not-a-contract", false, "golden", true));
        assertThat(report.get("schemaVersion").asInt()).isEqualTo(3);
        // The class's verdict as the run decided it, for rpt:check to read: the must-pass cases fail it.
        JsonNode verdict = report.get("classes").get(0).get("verdict");
        assertThat(verdict.get("passed").asBoolean()).isFalse();
        assertThat(verdict.get("cases").get(0).asText()).startsWith("2 must-pass cases answered wrong:");
        // The failure's structured parts, which the diagnosis reads instead of the message's wording.
        JsonNode contract = null;
        for (JsonNode c : report.get("cases")) {
            if (c.get("id").asText().equals("contract")) {
                contract = c.get("failure");
            }
        }
        assertThat(contract).isNotNull();
        assertThat(contract.get("kind").asText()).isEqualTo("format");
        assertThat(contract.get("expected").asText()).isEqualTo("the number -1");
        assertThat(contract.get("problem").asText()).startsWith("the answer holds");
    }

    @Test
    void mustPassWithRepeatsNeedsEverySample() {
        EngineExecutionResults results =
                run(MustPassTestCase.class, Map.of("rpt.repeat", "2", "rpt.temperature", "0.8"));

        assertThat(results.testEvents().failed().list())
                .extracting(event -> throwable(event).getMessage())
                .anySatisfy(message -> assertThat(message)
                        .startsWith("Must-pass case 'contract' answered wrong (passed 0 of 2 samples)"));
    }

    @Test
    void theThresholdsTestPutsTheMeasuredValuesOnItsFirstLine() {
        EngineExecutionResults results = run(StrictThresholdsTestCase.class, Map.of());

        Event thresholds = results.testEvents().failed().list().stream()
                .filter(e -> e.getTestDescriptor().getLegacyReportingName().equals("thresholds"))
                .findFirst()
                .orElseThrow();
        assertThat(thresholds.getTestDescriptor().getDisplayName()).isEqualTo("[thresholds] accuracy ≥ 0.950");
        String message = throwable(thresholds).getMessage();
        assertThat(message.lines().findFirst().orElseThrow())
                .matches("StrictThresholdsTestCase is below its thresholds: accuracy 0\\.\\d{3} \\[0\\.\\d{3},"
                        + " 0\\.\\d{3}\\] \\(≥ 0\\.950 ✗\\); judged on 24 cases");
        assertThat(throwable(thresholds).getStackTrace()).isEmpty();
    }

    @Test
    void theThresholdsTestUsesTheCheckModeOfTheGate() throws IOException {
        EngineExecutionResults pointEstimate = run(StrictThresholdsTestCase.class, Map.of());
        EngineExecutionResults confidenceBound =
                run(StrictThresholdsTestCase.class, Map.of("rpt.check.mode", "confidence-bound"));
        JsonNode settings =
                JSON.readTree(reportDir.resolve("last-run.json").toFile()).get("verdictSettings");

        assertThat(throwable(pointEstimate.testEvents().failed().list().get(0)).getMessage())
                .contains("(≥ 0.950 ✗)")
                .doesNotContain("lower bound");
        assertThat(confidenceBound.testEvents().failed().list())
                .singleElement()
                .satisfies(event -> assertThat(throwable(event).getMessage())
                        .contains("(≥ 0.950 (lower bound) ✗)")
                        .contains("has a one-sided 95% lower bound (rpt.check.alpha 0.05 shared by 1 bound) of 0.000")
                        .contains("confidence-bound mode: the lower bound must reach the minimum"));
        // One class with minAccuracy on one model: the whole budget is its own, as the report records.
        assertThat(settings.get("checkMode").asText()).isEqualTo("confidence-bound");
        assertThat(settings.get("confidenceBounds").asInt()).isEqualTo(1);
        assertThat(settings.get("boundAlpha").asDouble()).isEqualTo(0.05);
    }

    @Test
    void confidenceBoundsShareTheBudgetOverTheBoundsDiscovered() throws IOException {
        var captured = StdOut.capture(() -> SimRuns.run(
                reportDir,
                Map.of("rpt.check.mode", "confidence-bound", "rpt.check.alpha", "0.1"),
                StrictThresholdsTestCase.class,
                MathPromptTestCase.class,
                MustPassTestCase.class));

        JsonNode settings =
                JSON.readTree(reportDir.resolve("last-run.json").toFile()).get("verdictSettings");
        // minAccuracy of all three classes and MathPromptTestCase's maxEce: four bounds share 0.1.
        assertThat(settings.get("confidenceBounds").asInt()).isEqualTo(4);
        assertThat(settings.get("boundAlpha").asDouble()).isCloseTo(0.1 / 4, within(1e-12));
        assertThat(captured.out())
                .contains("[rpt] verdicts: rpt.check.mode=confidence-bound (each of 4 bounds at a one-sided"
                        + " 97.5% level: rpt.check.alpha 0.1 split evenly)");
    }

    @Test
    void consoleLinesStopAtTheCapAndOneLineCountsTheRest() {
        var captured =
                StdOut.capture(() -> run(StrictThresholdsTestCase.class, Map.of("rpt.output.max-case-lines", "3")));

        long caseLines = captured.out()
                .lines()
                .filter(line -> line.startsWith("[rpt]   WRONG"))
                .count();
        assertThat(caseLines).isEqualTo(3);
        assertThat(captured.out())
                .containsPattern("\\[rpt\\]   StrictThresholdsTestCase: \\d+ more cases that did not pass \\(lines stop"
                        + " at 3 per class, rpt.output.max-case-lines\\)\\. The run report has every case\\.")
                .contains("FAIL: accuracy ≥ 0.950 FAILED");
    }

    private static Throwable throwable(Event event) {
        return event.getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .orElseThrow();
    }

    private EngineExecutionResults run(Class<?> testClass, Map<String, String> extra) {
        return SimRuns.run(testClass, reportDir, extra);
    }
}
