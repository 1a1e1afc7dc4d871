package dev.rpt.tools.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.rpt.api.Usage;
import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.files.Sha256;
import dev.rpt.core.model.runtime.CachedAnswers;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.core.report.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Taking, writing and reading baselines. */
class BaselineTests {

    @TempDir
    Path dir;

    @Test
    void holdsThePromptMetricsAndEveryCase() throws IOException {
        RunReport run = new TestReports(dir)
                .passed("a", 0.9)
                .passed("b", 0.8)
                .failed("c", 0.6)
                .build();
        Baseline baseline = Baseline.from(run);
        assertThat(baseline.runId()).isEqualTo(run.runId());
        BaselineClass entry = baseline.classNamed(TestReports.CLASS).orElseThrow();
        assertThat(entry.promptSha256()).isEqualTo(TestReports.SHA);
        assertThat(entry.promptPath()).isEqualTo("prompts/math.prompt");
        assertThat(entry.metrics().n()).isEqualTo(3);
        assertThat(entry.metrics().accuracy().getAsDouble()).isEqualTo(2.0 / 3);
        // Brier: (0.01 + 0.04 + 0.36) / 3
        assertThat(entry.metrics().brier().getAsDouble()).isCloseTo(0.41 / 3, within(1e-12));
        assertThat(entry.metrics().errorRate().getAsDouble()).isZero();
        assertThat(entry.cases())
                .containsExactly(
                        answered(BaselineCase.single("solves", "a", Verdict.PASSED, OptionalDouble.of(0.9))),
                        answered(BaselineCase.single("solves", "b", Verdict.PASSED, OptionalDouble.of(0.8))),
                        answered(BaselineCase.single("solves", "c", Verdict.FAILED, OptionalDouble.of(0.6))));
    }

    /** A case as a new baseline records it: with its first scored answer, which the fixtures give as 42. */
    private static BaselineCase answered(BaselineCase c) {
        return c.withAnswer(Optional.of("42"));
    }

    @Test
    void roundTripsThroughItsFile() throws IOException {
        RunReport run = new TestReports(dir)
                .passed("a", 0.9)
                .add(TestReports.CLASS, "b", Verdict.FAILED, OptionalDouble.empty())
                .add("com.example.Other", "x", Verdict.PASSED, OptionalDouble.of(0.5))
                .build();
        Baseline baseline = Baseline.from(run);
        Path file = dir.resolve("src/test/rpt/baseline.json");
        baseline.write(file);
        assertThat(Baseline.read(file)).isEqualTo(baseline);
        assertThat(dir.resolve("src/test/rpt")).isDirectoryNotContaining("glob:**.part");
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.at("/classes/0/prompt/sha256").asText()).isEqualTo(TestReports.SHA);
        assertThat(json.at("/classes/0/cases/1/confidence").isNull()).isTrue();
        assertThat(json.at("/classes/0/cases/1/outcome").asText()).isEqualTo("failed");
    }

    @Test
    void refusesARunWithErroredCasesUnlessForced() throws IOException {
        RunReport run =
                new TestReports(dir).passed("a", 0.9).errored("b").errored("c").build();
        assertThatThrownBy(() -> Baseline.from(run))
                .isInstanceOf(BaselineException.class)
                .hasMessageContaining("has 2 errored cases of 3")
                .hasMessageContaining("-Drpt.baseline.force=true");
        Baseline forced = Baseline.from(run, true);
        assertThat(forced.classes().get(0).cases())
                .extracting(BaselineCase::verdict)
                .containsExactly(Verdict.PASSED, Verdict.ERRORED, Verdict.ERRORED);
        assertThat(forced.classes().get(0).metrics().errorRate().getAsDouble()).isEqualTo(2.0 / 3);
    }

    @Test
    void foldsRepeatedSamplesOfACase() throws IOException {
        RunReport run = new TestReports(dir)
                .passed("a", 0.5)
                .passed("a", 0.75)
                .failed("a", 1.0)
                .passed("b", 0.9)
                .passed("b", 0.9)
                .passed("b", 0.9)
                .build();
        assertThat(Baseline.from(run).classes().get(0).cases())
                .containsExactly(
                        answered(new BaselineCase(
                                "solves",
                                "a",
                                Verdict.FAILED,
                                OptionalDouble.of(0.75),
                                3,
                                2,
                                List.of(CaseOutcome.passed(0.5), CaseOutcome.passed(0.75), CaseOutcome.failed(1.0)))),
                        answered(new BaselineCase(
                                "solves",
                                "b",
                                Verdict.PASSED,
                                OptionalDouble.of(0.9),
                                3,
                                3,
                                List.of(CaseOutcome.passed(0.9), CaseOutcome.passed(0.9), CaseOutcome.passed(0.9)))));
        Path file = dir.resolve("baseline.json");
        Baseline.from(run).write(file);
        assertThat(Baseline.read(file)).isEqualTo(Baseline.from(run));
        assertThat(Files.readString(file)).contains("\"sampleOutcomes\"");
    }

    @Test
    void keepsTheJudgesVerdictsOnEachJudgedAnswer() throws IOException {
        RunReport run = new TestReports(dir)
                .judged("a", "Sorry for the wait.", true, 0.9)
                .judged("b", "Wait.", false, 0.3)
                .build();
        Baseline baseline = Baseline.from(run);
        assertThat(baseline.classes().get(0).cases())
                .extracting(c -> c.judged().orElseThrow())
                .containsExactly(
                        new JudgedAnswer(
                                Sha256.hex("Sorry for the wait."),
                                List.of(new JudgedAnswer.CriterionVerdict("polite", 0.9, true))),
                        new JudgedAnswer(
                                Sha256.hex("Wait."), List.of(new JudgedAnswer.CriterionVerdict("polite", 0.3, false))));
        Path file = dir.resolve("baseline.json");
        baseline.write(file);
        assertThat(Files.readString(file)).contains("\"answerSha256\" : \"" + Sha256.hex("Wait.") + "\"");
        assertThat(Baseline.read(file)).isEqualTo(baseline);
    }

    @Test
    void aRepeatedCaseMustListEverySample() throws IOException {
        RunReport run = new TestReports(dir).passed("a", 0.5).failed("a", 0.75).build();
        Path file = dir.resolve("baseline.json");
        Baseline.from(run).write(file);
        ObjectMapper json = new ObjectMapper();
        JsonNode root = json.readTree(file.toFile());
        ((ArrayNode) root.path("classes").get(0).path("cases").get(0).path("sampleOutcomes")).remove(1);
        json.writeValue(file.toFile(), root);
        assertThatThrownBy(() -> Baseline.read(file))
                .isInstanceOf(BaselineException.class)
                .hasMessageContaining("classes[0].cases[0].sampleOutcomes must list all 2 samples of the case, got 1");
    }

    @Test
    void aRunAnsweredFromTheCacheIsSaidToBeSoAndFromWhen() throws IOException {
        RunReport fresh = new TestReports(dir).many("q", 0, 3, true, 0.9).build();
        RunReport base = new TestReports(dir).many("q", 0, 3, true, 0.9).build();
        Instant written = Instant.parse("2026-11-02T10:00:00Z");
        RunReport cached = new RunReport(
                base.runId(),
                base.model(),
                base.classes(),
                base.cases(),
                new UsageSnapshot(
                        3,
                        3,
                        0,
                        Usage.ZERO,
                        Usage.ZERO,
                        OptionalDouble.of(0),
                        List.of(),
                        OptionalDouble.empty(),
                        new CachedAnswers(3, Optional.of(written), Optional.of(written), 0, 0)));

        assertThat(Baseline.cachedAnswersNote(fresh, Instant.parse("2026-12-07T10:00:00Z")))
                .isEmpty();
        assertThat(Baseline.cachedAnswersNote(cached, Instant.parse("2026-12-07T10:00:00Z")))
                .contains("3 of the run's 3 model calls were answered from the response cache, written 2026-11-02"
                        + " (35 days ago). The baseline records those answers, not what the model gives today; to"
                        + " record today's model, run the tests with -Drpt.cache=refresh before rpt:baseline.");
    }

    @Test
    void poolingRunsGivesEachCaseTheSamplesOfEveryRunAsVersionTwo() throws IOException {
        Baseline first = Baseline.from(new TestReports(dir.resolve("1"))
                .passed("a", 0.9)
                .passed("b", 0.8)
                .build());
        Baseline second = Baseline.from(new TestReports(dir.resolve("2"))
                .passed("a", 0.7)
                .failed("b", 0.6)
                .build());
        Baseline third = Baseline.from(new TestReports(dir.resolve("3"))
                .passed("a", 0.9)
                .passed("b", 0.8)
                .build());

        Baseline pooled = Baseline.pool(Baseline.pool(first, second), third);

        assertThat(pooled.runs()).isEqualTo(3);
        assertThat(pooled.pooledRuns()).containsExactly(first.runId(), second.runId());
        assertThat(pooled.runId()).isEqualTo(third.runId());
        BaselineCase b = pooled.classes().get(0).cases().get(1);
        assertThat(b.samples()).isEqualTo(3);
        assertThat(b.passes()).isEqualTo(2);
        assertThat(b.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(b.sampleOutcomes()).extracting(CaseOutcome::correct).containsExactly(true, false, true);
        assertThat(pooled.classes().get(0).metrics().accuracy()).hasValue(5.0 / 6);
        Path file = dir.resolve("pooled.json");
        pooled.write(file);
        assertThat(new ObjectMapper()
                        .readTree(file.toFile())
                        .get("schemaVersion")
                        .asInt())
                .isEqualTo(2);
        assertThat(Baseline.read(file)).isEqualTo(pooled);
    }

    @Test
    void runsOfAnotherPromptOrOtherCasesAreNotPooled() throws IOException {
        Baseline committed =
                Baseline.from(new TestReports(dir.resolve("1")).passed("a", 0.9).build());
        Baseline otherPrompt = Baseline.from(new TestReports(dir.resolve("2"))
                .prompt(TestReports.CLASS, "b".repeat(64))
                .passed("a", 0.9)
                .build());
        Baseline otherCases =
                Baseline.from(new TestReports(dir.resolve("3")).passed("z", 0.9).build());

        assertThatThrownBy(() -> Baseline.pool(committed, otherPrompt))
                .isInstanceOf(BaselineException.class)
                .hasMessageContaining("The prompt of " + TestReports.CLASS + " changed since the committed baseline")
                .hasMessageContaining("without pooling");
        assertThatThrownBy(() -> Baseline.pool(committed, otherCases))
                .isInstanceOf(BaselineException.class)
                .hasMessageContaining("differ between the committed baseline and this run");
    }

    @Test
    void aPooledBaselineIsComparedOnPerCasePassRates() throws IOException {
        Baseline pooled = Baseline.pool(
                Baseline.from(new TestReports(dir.resolve("1"))
                        .many("q", 0, 30, true, 0.9)
                        .build()),
                Baseline.from(new TestReports(dir.resolve("2"))
                        .many("q", 0, 30, true, 0.9)
                        .build()));
        RunReport run =
                new TestReports(dir.resolve("3")).many("q", 0, 30, true, 0.9).build();

        RegressionReport report =
                new RegressionCheck(RegressionOptions.DEFAULTS.withResamples(200)).compare(pooled, run);

        assertThat(report.passed()).isTrue();
        assertThat(report.classes().get(0).metrics().get(0).test()).startsWith("paired sign-flip test on pass rates");
    }

    @Test
    void aMissingFileSaysHowToCreateOne() {
        Path file = dir.resolve("nope.json");
        assertThatThrownBy(() -> Baseline.read(file))
                .isInstanceOf(BaselineException.class)
                .hasMessage("There is no baseline at " + file + ". Take one from a passing run with `mvn verify"
                        + " rpt:baseline` and commit it, or point rpt.check.baseline at yours.");
    }

    @Test
    void invalidJsonNamesTheFileAndLine() throws IOException {
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, "{\n  \"schemaVersion\": 1,\n  oops\n}");
        assertThatThrownBy(() -> Baseline.read(file))
                .isInstanceOf(BaselineException.class)
                .hasMessageStartingWith("The baseline " + file + " is invalid: line 3, column 3 is not valid JSON")
                .hasMessageContaining("`mvn rpt:baseline`");
    }

    @Test
    void anotherSchemaVersionIsRejected() throws IOException {
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, "{\"schemaVersion\": 3}");
        assertThatThrownBy(() -> Baseline.read(file))
                .isInstanceOf(BaselineException.class)
                .hasMessageContaining(file + " is invalid: schemaVersion must be 1 or 2, got 3");
    }

    @Test
    void aBadFieldIsNamedByItsPath() throws IOException {
        Baseline.from(new TestReports(dir).passed("a", 0.9).build()).write(dir.resolve("b.json"));
        Path file = dir.resolve("b.json");
        Files.writeString(file, Files.readString(file).replace("\"passed\"", "\"maybe\""));
        assertThatThrownBy(() -> Baseline.read(file))
                .isInstanceOf(BaselineException.class)
                .hasMessage("The baseline " + file + " is invalid: classes[0].cases[0].outcome must be passed, failed"
                        + " or errored, got 'maybe'. Restore it from version control or write it again with `mvn"
                        + " rpt:baseline`.");
        Files.writeString(file, Files.readString(file).replace("\"confidence\" : 0.9", "\"confidence\" : 9"));
        assertThatThrownBy(() -> Baseline.read(file)).hasMessageContaining("classes[0].cases[0]");
    }

    @Test
    void anEmptyFileIsNotABaseline() throws IOException {
        Path file = dir.resolve("empty.json");
        Files.writeString(file, "");
        assertThatThrownBy(() -> Baseline.read(file))
                .isInstanceOf(BaselineException.class)
                .hasMessageContaining("must be a JSON object, and the file is empty");
    }

    @Test
    void aCommittedVersionOneBaselineReadsAndWritesBackByteForByte() throws Exception {
        // The versioning rule's promise to users' committed files: this fixture is a version-1 baseline as rpt wrote
        // it; every later rpt must read it, and write the same bytes while the version stays 1.
        Path committed = Path.of(
                BaselineTests.class.getResource("/gate/baseline-v1.json").toURI());
        Baseline baseline = Baseline.read(committed);

        assertThat(baseline.classes()).singleElement().satisfies(c -> {
            assertThat(c.metrics().accuracy()).hasValue(0.5);
            assertThat(c.cases()).extracting(BaselineCase::samples).containsExactly(1, 3);
            assertThat(c.cases().get(1).sampleOutcomes()).hasSize(3);
        });
        Path rewritten = dir.resolve("baseline.json");
        baseline.write(rewritten);
        assertThat(rewritten).hasSameTextualContentAs(committed);
    }
}
