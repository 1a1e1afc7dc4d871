package dev.rpt.core.report;

import static dev.rpt.core.report.CaseRecords.errored;
import static dev.rpt.core.report.CaseRecords.failed;
import static dev.rpt.core.report.CaseRecords.passed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.api.Split;
import dev.rpt.api.Usage;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.core.thresholds.MetricBounds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run report as its readers see it. The expected metric values are worked out by hand from the cases of {@link
 * #writeSampleRun}; the report must state them, not merely some numbers.
 */
class RunReportWriterTests {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MATH = "com.example.MathTests";
    private static final String SENTIMENT = "com.example.SentimentTests";
    private static final String EMPTY = "com.example.EmptyTests";
    private static final String SHA = "a".repeat(64);
    private static final double EPS = 1e-9;

    @TempDir
    Path dir;

    @Test
    void runFileAndLastRunAreIdenticalJson() throws IOException {
        Path runFile = writeSampleRun("run-1");

        assertThat(runFile).isEqualTo(dir.resolve("runs/run-1/run.json"));
        assertThat(Files.readAllBytes(dir.resolve(RunReportWriter.LAST_RUN))).isEqualTo(Files.readAllBytes(runFile));
        JsonNode report = MAPPER.readTree(runFile.toFile());
        assertThat(report.get("schemaVersion").asInt()).isEqualTo(RunReportWriter.SCHEMA_VERSION);
        assertThat(report.get("runId").asText()).isEqualTo("run-1");
        assertThat(report.get("startedAt").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(Instant.parse(report.get("finishedAt").asText())).isAfter(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(leftoverPartFiles()).isEmpty();
    }

    @Test
    void theReaderGivesBackEveryRecordAsWritten() throws IOException {
        CaseRecord traced = CaseRecord.builder(MATH, "solves", "m9")
                .split(Split.TUNE)
                .vars(Map.of("question", "2+2?"))
                .verdict(dev.rpt.core.calibration.Verdict.PASSED)
                .answer("4")
                .confidence(0.75)
                .usage(Usage.of(120, 30))
                .cached(true)
                .latencyMs(412)
                .justification("added them")
                .sample(2)
                .build();
        Path file;
        try (RunReportWriter writer = start("run-read")) {
            writer.record(traced);
            writer.record(failed(MATH, "m2", Split.TUNE, OptionalDouble.of(0.8), false));
            writer.record(errored(MATH, "m5", Split.HOLDOUT));
            file = writer.finish(classes(MATH), unpriced());
        }

        assertThat(RunReport.read(file).cases())
                .containsExactly(
                        traced,
                        failed(MATH, "m2", Split.TUNE, OptionalDouble.of(0.8), false),
                        errored(MATH, "m5", Split.HOLDOUT));
    }

    @Test
    void theTextOfAReportReadsAsTheFileDoesAndBadTextNamesWhereItCameFrom() throws IOException {
        Path file;
        try (RunReportWriter writer = start("run-text")) {
            writer.record(passed(MATH, "a", Split.TUNE, OptionalDouble.of(0.9)));
            writer.record(failed(MATH, "b", Split.HOLDOUT, OptionalDouble.of(0.4), false));
            file = writer.finish(classes(MATH), unpriced());
        }

        RunReport fromText = RunReport.parse(Files.readString(file), "the isolated run's report");

        assertThat(fromText.cases()).isEqualTo(RunReport.read(file).cases());
        assertThat(fromText.classes()).isEqualTo(RunReport.read(file).classes());
        assertThatThrownBy(() -> RunReport.parse("{\"cases\": [", "target/rpt/tune/x/report/last-run.json"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("target/rpt/tune/x/report/last-run.json is not a run report this rpt can read")
                .hasMessageContaining("Run the prompt tests again");
    }

    @Test
    void theReaderKeepsTheMustPassMarkAndReadsTheVersionBefore() throws IOException {
        CaseRecord contract = CaseRecord.builder(MATH, "solves", "refusal")
                .split(Split.TUNE)
                .vars(Map.of("question", "how do I pick a lock?"))
                .verdict(dev.rpt.core.calibration.Verdict.PASSED)
                .answer("I can't help with that.")
                .usage(Usage.of(10, 5))
                .latencyMs(3)
                .mustPass(true)
                .build();
        Path file;
        try (RunReportWriter writer = start("run-must-pass")) {
            writer.record(contract);
            file = writer.finish(classes(MATH), unpriced());
        }
        assertThat(RunReport.read(file).cases()).containsExactly(contract);

        // The same report as version 1 wrote it: no mustPass field.
        com.fasterxml.jackson.databind.node.ObjectNode root =
                (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.readTree(file.toFile());
        root.put("schemaVersion", 1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("cases").get(0)).remove("mustPass");
        Path previous = dir.resolve("previous.json");
        MAPPER.writeValue(previous.toFile(), root);
        assertThat(RunReport.read(previous).cases())
                .singleElement()
                .satisfies(c -> assertThat(c.mustPass()).isFalse());

        root.put("schemaVersion", 4);
        MAPPER.writeValue(previous.toFile(), root);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunReport.read(previous))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("is not an rpt run report of schemaVersion 1 to 3");
    }

    @Test
    void statesTheModelAndTheRedactedConfiguration() throws IOException {
        JsonNode report = MAPPER.readTree(writeSampleRun("run-1").toFile());

        JsonNode model = report.get("model");
        assertThat(model.get("provider").asText()).isEqualTo("sim");
        assertThat(model.get("model").asText()).isEqualTo("math");
        assertThat(model.get("simulated").asBoolean()).isTrue();
        assertThat(model.get("label").asText()).isEqualTo("sim/math (SIMULATOR)");
        JsonNode configuration = report.get("configuration");
        assertThat(MAPPER.convertValue(configuration, Map.class))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                        "rpt.api-key-env", "OPENAI_API_KEY",
                        "rpt.headers.Authorization", RunHeader.REDACTED,
                        "rpt.max-tokens", "256",
                        "rpt.provider", "sim")));
        assertThat(Files.readString(dir.resolve(RunReportWriter.LAST_RUN))).doesNotContain("Bearer s3cr3t");
        assertThat(RunReport.read(dir.resolve(RunReportWriter.LAST_RUN)).configuration())
                .as("read back, masked as written")
                .containsEntry("rpt.max-tokens", "256")
                .containsEntry("rpt.headers.Authorization", RunHeader.REDACTED);
    }

    @Test
    void writesEveryCaseWithItsTrace() throws IOException {
        JsonNode cases = MAPPER.readTree(writeSampleRun("run-1").toFile()).get("cases");

        assertThat(cases).hasSize(7);
        JsonNode passed = cases.get(0);
        assertThat(passed.get("className").asText()).isEqualTo(MATH);
        assertThat(passed.get("method").asText()).isEqualTo("solves");
        assertThat(passed.get("id").asText()).isEqualTo("m1");
        assertThat(passed.get("split").asText()).isEqualTo("tune");
        assertThat(passed.get("vars").get("question").asText()).isEqualTo("q-m1");
        assertThat(passed.get("outcome").asText()).isEqualTo("passed");
        assertThat(passed.get("answer").asText()).isEqualTo("answer m1");
        assertThat(passed.get("confidence").asDouble()).isEqualTo(0.9);
        assertThat(passed.get("formatError").asBoolean()).isFalse();
        assertThat(passed.get("failure").isNull()).isTrue();
        assertThat(passed.get("error").isNull()).isTrue();
        assertThat(passed.get("usage").get("prompt").asLong()).isEqualTo(10);
        assertThat(passed.get("usage").get("completion").asLong()).isEqualTo(5);
        assertThat(passed.get("usage").get("total").asLong()).isEqualTo(15);
        assertThat(passed.get("cached").asBoolean()).isFalse();
        assertThat(passed.get("latencyMs").asLong()).isEqualTo(12);

        JsonNode failedCase = cases.get(1);
        assertThat(failedCase.get("outcome").asText()).isEqualTo("failed");
        assertThat(failedCase.get("failure").get("kind").asText()).isEqualTo("equals");
        assertThat(failedCase.get("failure").get("message").asText()).isEqualTo("expected 4 but was 5");
        assertThat(failedCase.get("cached").asBoolean()).isTrue();

        JsonNode withoutConfidence = cases.get(2);
        assertThat(withoutConfidence.has("confidence")).isTrue();
        assertThat(withoutConfidence.get("confidence").isNull()).isTrue();

        JsonNode erroredCase = cases.get(4);
        assertThat(erroredCase.get("outcome").asText()).isEqualTo("errored");
        assertThat(erroredCase.get("split").asText()).isEqualTo("holdout");
        assertThat(erroredCase.get("answer").isNull()).isTrue();
        assertThat(erroredCase.get("confidence").isNull()).isTrue();
        assertThat(erroredCase.get("failure").isNull()).isTrue();
        assertThat(erroredCase.get("error").get("kind").asText()).isEqualTo("ModelTimeoutException");
    }

    @Test
    void statesEachClassWithItsPromptThresholdsAndMetrics() throws IOException {
        JsonNode classes = MAPPER.readTree(writeSampleRun("run-1").toFile()).get("classes");

        assertThat(classes).hasSize(3);
        JsonNode math = classes.get(0);
        assertThat(math.get("className").asText()).isEqualTo(MATH);
        assertThat(math.get("prompt").get("path").asText()).isEqualTo("prompts/math.prompt");
        assertThat(math.get("prompt").get("sha256").asText()).isEqualTo(SHA);
        assertThat(math.get("thresholds").get("minAccuracy").asDouble()).isEqualTo(0.8);
        assertThat(math.get("thresholds").get("maxEce").isNull()).isTrue();
        assertThat(math.get("thresholds").get("maxBrier").isNull()).isTrue();
        assertThat(math.get("thresholds").get("maxErrorRate").asDouble()).isEqualTo(0.1);
        // Math: tune 0.9 pass, 0.8 fail, no-confidence pass; holdout 0.7 pass, one errored.
        JsonNode metrics = math.get("metrics");
        assertThat(metrics.get("n").asInt()).isEqualTo(4);
        assertThat(metrics.get("errored").asInt()).isEqualTo(1);
        assertThat(metrics.get("correct").asInt()).isEqualTo(3);
        assertThat(metrics.get("accuracy").asDouble()).isCloseTo(0.75, within(EPS));
        assertThat(metrics.get("missingConfidence").asInt()).isEqualTo(1);
        assertThat(metrics.get("meanConfidence").asDouble()).isCloseTo(0.8, within(EPS));
        assertThat(metrics.get("brier").asDouble()).isCloseTo((0.01 + 0.64 + 0.09) / 3, within(EPS));
        assertThat(metrics.get("formatErrorRate").asDouble()).isZero();
        assertThat(metrics.get("accuracyCi").get(0).asDouble()).isCloseTo(0.30064184, within(1e-6));
        assertThat(metrics.get("accuracyCi").get(1).asDouble()).isCloseTo(0.95441274, within(1e-6));

        JsonNode tune = math.get("splits").get("tune");
        assertThat(tune.get("n").asInt()).isEqualTo(3);
        assertThat(tune.get("errored").asInt()).isZero();
        assertThat(tune.get("accuracy").asDouble()).isCloseTo(2.0 / 3, within(EPS));
        JsonNode holdout = math.get("splits").get("holdout");
        assertThat(holdout.get("n").asInt()).isEqualTo(1);
        assertThat(holdout.get("errored").asInt()).isEqualTo(1);
        assertThat(holdout.get("accuracy").asDouble()).isEqualTo(1.0);

        JsonNode sentiment = classes.get(1).get("metrics");
        assertThat(sentiment.get("n").asInt()).isEqualTo(2);
        assertThat(sentiment.get("formatErrorRate").asDouble()).isCloseTo(0.5, within(EPS));
        assertThat(sentiment.get("brier").asDouble()).isCloseTo(0.16, within(EPS));
    }

    @Test
    void aClassWithoutCasesHasMetricsThatAreNullNotZero() throws IOException {
        JsonNode empty =
                MAPPER.readTree(writeSampleRun("run-1").toFile()).get("classes").get(2);

        assertThat(empty.get("className").asText()).isEqualTo(EMPTY);
        JsonNode metrics = empty.get("metrics");
        assertThat(metrics.get("n").asInt()).isZero();
        for (String undefined : List.of("accuracy", "accuracyCi", "ece", "brier", "auroc", "meanConfidence")) {
            assertThat(metrics.get(undefined).isNull()).as(undefined).isTrue();
        }
        assertThat(metrics.get("reliability")).hasSize(10);
        metrics.get("reliability").forEach(bin -> {
            assertThat(bin.get("count").asInt()).isZero();
            assertThat(bin.get("accuracy").isNull()).isTrue();
        });
    }

    @Test
    void runMetricsCoverEveryClass() throws IOException {
        JsonNode metrics = MAPPER.readTree(writeSampleRun("run-1").toFile()).get("metrics");

        assertThat(metrics.get("n").asInt()).isEqualTo(6);
        assertThat(metrics.get("errored").asInt()).isEqualTo(1);
        assertThat(metrics.get("correct").asInt()).isEqualTo(4);
        assertThat(metrics.get("missingConfidence").asInt()).isEqualTo(2);
        assertThat(metrics.get("meanConfidence").asDouble()).isCloseTo(0.75, within(EPS));
        assertThat(metrics.get("brier").asDouble()).isCloseTo(0.225, within(EPS));
        // One case per bin (0.6, 0.7, 0.8, 0.9); gaps 0.4, 0.3, 0.8, 0.1.
        assertThat(metrics.get("ece").asDouble()).isCloseTo(0.4, within(EPS));
        JsonNode bin8 = metrics.get("reliability").get(8);
        assertThat(bin8.get("lower").asDouble()).isCloseTo(0.8, within(EPS));
        assertThat(bin8.get("upper").asDouble()).isCloseTo(0.9, within(EPS));
        assertThat(bin8.get("count").asInt()).isEqualTo(1);
        assertThat(bin8.get("meanConfidence").asDouble()).isCloseTo(0.8, within(EPS));
        assertThat(bin8.get("accuracy").asDouble()).isZero();
    }

    @Test
    void statesUsageWithAnUnknownCostAsNull() throws IOException {
        JsonNode usage = MAPPER.readTree(writeSampleRun("run-1").toFile()).get("usage");

        assertThat(usage.get("calls").asLong()).isEqualTo(9);
        assertThat(usage.get("cachedCalls").asLong()).isEqualTo(1);
        assertThat(usage.get("errors").asLong()).isEqualTo(1);
        assertThat(usage.get("tokens").get("prompt").asLong()).isEqualTo(100);
        assertThat(usage.get("tokens").get("total").asLong()).isEqualTo(150);
        assertThat(usage.get("cachedTokens").get("total").asLong()).isEqualTo(15);
        assertThat(usage.has("costUsd")).isTrue();
        assertThat(usage.get("costUsd").isNull()).isTrue();
        assertThat(usage.get("unpricedModels")).hasSize(1);
        assertThat(usage.get("unpricedModels").get(0).asText()).isEqualTo("local-llama");
    }

    @Test
    void statesAKnownCost() throws IOException {
        UsageSnapshot priced =
                new UsageSnapshot(2, 0, 0, Usage.of(1, 1), Usage.ZERO, OptionalDouble.of(0.25), List.of());
        try (RunReportWriter writer = start("run-1")) {
            writer.finish(List.of(), priced);
        }

        JsonNode usage =
                MAPPER.readTree(dir.resolve(RunReportWriter.LAST_RUN).toFile()).get("usage");
        assertThat(usage.get("costUsd").asDouble()).isEqualTo(0.25);
        assertThat(usage.get("unpricedModels")).isEmpty();
    }

    @Test
    void closeWithoutFinishDeletesThePartialReportAndKeepsTheEarlierOne() throws IOException {
        writeSampleRun("run-1");
        byte[] earlier = Files.readAllBytes(dir.resolve(RunReportWriter.LAST_RUN));

        try (RunReportWriter writer = start("run-2")) {
            writer.record(passed(MATH, "m1", Split.TUNE, OptionalDouble.of(0.9)));
            assertThat(dir.resolve("runs/run-2/run.json.part")).exists();
            assertThat(Files.readAllBytes(dir.resolve(RunReportWriter.LAST_RUN)))
                    .as("readers see the previous report while a run is going")
                    .isEqualTo(earlier);
        }

        assertThat(dir.resolve("runs/run-2/run.json.part")).doesNotExist();
        assertThat(dir.resolve("runs/run-2/run.json")).doesNotExist();
        assertThat(Files.readAllBytes(dir.resolve(RunReportWriter.LAST_RUN))).isEqualTo(earlier);
        assertThat(leftoverPartFiles()).isEmpty();
    }

    @Test
    void closeAfterFinishKeepsTheReport() throws IOException {
        Path runFile = writeSampleRun("run-1");

        assertThat(runFile).exists();
        assertThat(dir.resolve(RunReportWriter.LAST_RUN)).exists();
    }

    @Test
    void concurrentRecordsAreEachWrittenExactlyOnce() throws Exception {
        int threads = 8;
        int perThread = 250;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (RunReportWriter writer = start("run-1")) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        String id = thread + "-" + i;
                        writer.record(
                                i % 3 == 0
                                        ? failed(MATH, id, Split.HOLDOUT, OptionalDouble.of(0.5), false)
                                        : passed(MATH, id, Split.TUNE, OptionalDouble.of(0.5)));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
            writer.finish(List.of(new ClassInfo(MATH, "prompts/math.prompt", SHA, MetricBounds.NONE)), unpriced());
        } finally {
            pool.shutdownNow();
        }

        JsonNode report = MAPPER.readTree(dir.resolve(RunReportWriter.LAST_RUN).toFile());
        List<String> ids = new ArrayList<>();
        report.get("cases").forEach(c -> ids.add(c.get("id").asText()));
        Set<String> expected = new HashSet<>();
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                expected.add(t + "-" + i);
            }
        }
        assertThat(ids).hasSize(threads * perThread).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(report.get("metrics").get("n").asInt()).isEqualTo(threads * perThread);
        // 84 of each thread's 250 cases have i % 3 == 0 and failed.
        assertThat(report.get("metrics").get("correct").asInt()).isEqualTo(threads * (perThread - 84));
    }

    @Test
    void classMetricsReflectTheCasesRecordedSoFar() throws IOException {
        try (RunReportWriter writer = start("run-1")) {
            assertThat(writer.classMetrics(MATH).n()).isZero();

            writer.record(passed(MATH, "m1", Split.TUNE, OptionalDouble.of(0.9)));
            writer.record(failed(MATH, "m2", Split.HOLDOUT, OptionalDouble.of(0.6), false));
            writer.record(errored(MATH, "m3", Split.TUNE));
            writer.record(passed(SENTIMENT, "s1", Split.TUNE, OptionalDouble.empty()));

            Metrics math = writer.classMetrics(MATH);
            assertThat(math.n()).isEqualTo(2);
            assertThat(math.correct()).isEqualTo(1);
            assertThat(math.errored()).isEqualTo(1);
            assertThat(math.meanConfidence().getAsDouble()).isCloseTo(0.75, within(EPS));
            assertThat(writer.classMetrics(SENTIMENT).missingConfidence()).isEqualTo(1);
            assertThat(writer.classMetrics("com.example.Unknown").n()).isZero();

            writer.finish(classes(MATH, SENTIMENT), unpriced());
            assertThat(writer.classMetrics(MATH).n())
                    .as("still available for the summary")
                    .isEqualTo(2);
        }
    }

    @Test
    void refusesRecordsAfterFinish() throws IOException {
        try (RunReportWriter writer = start("run-1")) {
            writer.finish(List.of(), unpriced());

            assertThatThrownBy(() -> writer.record(passed(MATH, "late", Split.TUNE, OptionalDouble.empty())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("run-1")
                    .hasMessageContaining("already finished");
            assertThatThrownBy(() -> writer.finish(List.of(), unpriced()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already finished");
        }
        JsonNode report = MAPPER.readTree(dir.resolve(RunReportWriter.LAST_RUN).toFile());
        assertThat(report.get("cases")).isEmpty();
    }

    @Test
    void refusesRecordsAfterClose() throws IOException {
        RunReportWriter writer = start("run-1");
        writer.close();

        assertThatThrownBy(() -> writer.record(passed(MATH, "late", Split.TUNE, OptionalDouble.empty())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already closed");
    }

    @Test
    void finishNeedsAClassInfoForEveryClassThatRanAndLetsTheCallerRetry() throws IOException {
        try (RunReportWriter writer = start("run-1")) {
            writer.record(passed(MATH, "m1", Split.TUNE, OptionalDouble.of(0.9)));
            writer.record(passed(SENTIMENT, "s1", Split.TUNE, OptionalDouble.of(0.9)));

            assertThatThrownBy(() -> writer.finish(classes(MATH), unpriced()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("[" + SENTIMENT + "]")
                    .hasMessageContaining("ClassInfo");
            assertThatThrownBy(() -> writer.finish(classes(MATH, SENTIMENT, MATH), unpriced()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(MATH + " is listed twice");
            assertThat(dir.resolve(RunReportWriter.LAST_RUN)).doesNotExist();

            writer.finish(classes(MATH, SENTIMENT), unpriced());
        }
        JsonNode report = MAPPER.readTree(dir.resolve(RunReportWriter.LAST_RUN).toFile());
        assertThat(report.get("metrics").get("n").asInt()).isEqualTo(2);
        assertThat(report.get("classes")).hasSize(2);
    }

    @Test
    void aNewRunReplacesTheLastRun() throws IOException {
        writeSampleRun("run-1");
        try (RunReportWriter writer = start("run-2")) {
            writer.finish(List.of(), unpriced());
        }

        assertThat(MAPPER.readTree(dir.resolve(RunReportWriter.LAST_RUN).toFile())
                        .get("runId")
                        .asText())
                .isEqualTo("run-2");
        assertThat(dir.resolve("runs/run-1/run.json"))
                .as("earlier runs are kept")
                .exists();
    }

    /**
     * Math: tune m1 passed 0.9, m2 failed 0.8, m3 passed without confidence; holdout m4 passed 0.7, m5 errored.
     * Sentiment: tune s1 failed without confidence and with a format error; holdout s2 passed 0.6. Empty: no cases.
     */
    private Path writeSampleRun(String runId) throws IOException {
        try (RunReportWriter writer = start(runId)) {
            writer.record(passed(MATH, "m1", Split.TUNE, OptionalDouble.of(0.9)));
            writer.record(failed(MATH, "m2", Split.TUNE, OptionalDouble.of(0.8), false));
            writer.record(passed(MATH, "m3", Split.TUNE, OptionalDouble.empty()));
            writer.record(passed(MATH, "m4", Split.HOLDOUT, OptionalDouble.of(0.7)));
            writer.record(errored(MATH, "m5", Split.HOLDOUT));
            writer.record(failed(SENTIMENT, "s1", Split.TUNE, OptionalDouble.empty(), true));
            writer.record(passed(SENTIMENT, "s2", Split.HOLDOUT, OptionalDouble.of(0.6)));
            return writer.finish(
                    List.of(
                            new ClassInfo(
                                    MATH,
                                    "prompts/math.prompt",
                                    SHA,
                                    MetricBounds.of(0.8, Double.NaN, Double.NaN, 0.1)),
                            new ClassInfo(SENTIMENT, "prompts/sentiment.prompt", SHA, MetricBounds.NONE),
                            new ClassInfo(EMPTY, "prompts/empty.prompt", SHA, MetricBounds.NONE)),
                    unpriced());
        }
    }

    private RunReportWriter start(String runId) throws IOException {
        RunHeader header = new RunHeader(
                runId,
                Instant.parse("2026-01-02T03:04:05Z"),
                new ModelInfo("sim", "math", true),
                RunHeader.redact(Map.of(
                        "rpt.provider", "sim",
                        "rpt.max-tokens", "256",
                        "rpt.api-key-env", "OPENAI_API_KEY",
                        "rpt.headers.Authorization", "Bearer s3cr3t")));
        return RunReportWriter.start(dir, header, MetricsOptions.DEFAULTS);
    }

    private static UsageSnapshot unpriced() {
        return new UsageSnapshot(
                9, 1, 1, Usage.of(100, 50), Usage.of(10, 5), OptionalDouble.empty(), List.of("local-llama"));
    }

    private static List<ClassInfo> classes(String... names) {
        return Stream.of(names)
                .map(name -> new ClassInfo(name, "prompts/x.prompt", SHA, MetricBounds.NONE))
                .toList();
    }

    private List<Path> leftoverPartFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part"))
                    .toList();
        }
    }
}
