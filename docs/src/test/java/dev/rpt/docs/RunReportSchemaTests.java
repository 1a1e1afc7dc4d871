package dev.rpt.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.rpt.api.Judgement;
import dev.rpt.api.Split;
import dev.rpt.api.Step;
import dev.rpt.api.ToolCall;
import dev.rpt.api.ToolResult;
import dev.rpt.api.Usage;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.judge.JudgeAgreement;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.ModelRun;
import dev.rpt.core.report.RunHeader;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.report.RunReportWriter;
import dev.rpt.core.report.ToolUse;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.core.thresholds.ToolBounds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps docs/run-report.schema.json and {@link RunReportWriter} in step: a report the writer produces must validate,
 * and a report that breaks the contract must not.
 */
class RunReportSchemaTests {

    private static final Path SCHEMA = Path.of("run-report.schema.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MATH = "com.example.MathTests";
    private static final String SENTIMENT = "com.example.SentimentTests";
    private static final String SHA = "0123456789abcdef".repeat(4);

    private static Schema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() throws IOException {
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(SCHEMA));
    }

    @Test
    void aReportWithEveryKindOfCaseIsValid() throws IOException {
        String report = writeReport(unknownCost(), true);

        assertThat(validate(report)).isEmpty();
        assertThat(report).contains("\"costUsd\" : null", "\"confidence\" : null", "\"outcome\" : \"errored\"");
    }

    @Test
    void aReportWithAKnownCostAndNoCasesIsValid() throws IOException {
        UsageSnapshot priced =
                new UsageSnapshot(1, 0, 0, Usage.of(3, 4), Usage.ZERO, OptionalDouble.of(0.002), List.of());

        assertThat(validate(writeReport(priced, false))).isEmpty();
    }

    @Test
    void aReportOfSeveralNamedModelsIsValidAndReadsBack() throws IOException {
        RunHeader header = new RunHeader(
                "20260102-030405-beef",
                Instant.parse("2026-01-02T03:04:05Z"),
                new ModelInfo("sim", "a", true),
                new TreeMap<>());
        try (RunReportWriter writer = RunReportWriter.start(dir, header, MetricsOptions.DEFAULTS)) {
            writer.record(record(MATH, "m1", Split.TUNE, Verdict.PASSED, OptionalDouble.of(0.9))
                    .withModel("local"));
            writer.record(record(MATH, "m1", Split.TUNE, Verdict.FAILED, OptionalDouble.of(0.8))
                    .withModel("hosted"));
            writer.finish(
                    List.of(
                            new ClassInfo(MATH, "prompts/math.prompt", SHA, MetricBounds.NONE, Optional.of("local")),
                            new ClassInfo(MATH, "prompts/math.prompt", SHA, MetricBounds.NONE, Optional.of("hosted"))),
                    unknownCost(),
                    List.of(
                            new ModelRun("local", new ModelInfo("openai", "qwen3:8b", false), false, unknownCost()),
                            new ModelRun(
                                    "hosted", new ModelInfo("openai", "gpt-4.1-mini", false), true, unknownCost())));
        }
        Path file = dir.resolve(RunReportWriter.LAST_RUN);

        assertThat(validate(Files.readString(file))).isEmpty();
        RunReport read = RunReport.read(file);
        assertThat(read.classes()).extracting(ClassInfo::classKey).containsExactly(MATH + "[local]", MATH + "[hosted]");
        assertThat(read.cases()).extracting(CaseRecord::classKey).containsExactly(MATH + "[local]", MATH + "[hosted]");
        assertThat(read.informational(Optional.of("hosted"))).isTrue();
        assertThat(read.informational(Optional.of("local"))).isFalse();
    }

    @Test
    void aReportOfToolCallingCasesIsValidAndReadsBack() throws IOException {
        RunHeader header = new RunHeader(
                "20260102-030405-f00d",
                Instant.parse("2026-01-02T03:04:05Z"),
                new ModelInfo("sim", "a", true),
                new TreeMap<>());
        ToolCall lookup = new ToolCall("c1", "lookup_order", "{\"order_id\":\"A1\"}");
        ToolUse twoSteps = new ToolUse(
                List.of(
                        new Step("", List.of(lookup), List.of(new ToolResult("c1", "lookup_order", "shipped", false))),
                        new Step("It has shipped.", List.of(), List.of())),
                Optional.of(true),
                Optional.of(false));
        ToolUse noCall = new ToolUse(
                List.of(new Step("You're welcome!", List.of(), List.of())), Optional.of(true), Optional.empty());
        CaseRecord first = record(MATH, "t1", Split.TUNE, Verdict.PASSED, OptionalDouble.empty()).toBuilder()
                .tools(Optional.of(twoSteps))
                .build();
        CaseRecord second = record(MATH, "t2", Split.TUNE, Verdict.PASSED, OptionalDouble.empty()).toBuilder()
                .tools(Optional.of(noCall))
                .build();
        try (RunReportWriter writer = RunReportWriter.start(dir, header, MetricsOptions.DEFAULTS)) {
            writer.record(first);
            writer.record(second);
            writer.finish(
                    List.of(new ClassInfo(
                            MATH,
                            "prompts/orders.prompt",
                            SHA,
                            MetricBounds.NONE,
                            Optional.empty(),
                            OptionalDouble.empty(),
                            OptionalDouble.empty(),
                            List.of(),
                            ToolBounds.of(0.9, 0.5))),
                    unknownCost());
        }
        Path file = dir.resolve(RunReportWriter.LAST_RUN);
        String report = Files.readString(file);

        assertThat(validate(report)).isEmpty();
        assertThat(RunReport.read(file).cases()).containsExactly(first, second);
        JsonNode tools = MAPPER.readTree(report).at("/classes/0/tools");
        assertThat(tools.get("meanSteps").asDouble()).isEqualTo(1.5);
        assertThat(tools.get("meanStepsCi")).hasSize(2);
        assertThat(tools.get("selection").asDouble()).isEqualTo(1.0);
        assertThat(tools.get("arguments").asDouble()).isEqualTo(0.0);
        JsonNode verdict = MAPPER.readTree(report).at("/classes/0/verdict");
        assertThat(verdict.get("passed").asBoolean())
                .as("arguments 0 of 1 is below 0.5")
                .isFalse();
        assertThat(RunReport.read(file).classes().get(0).toolBounds()).isEqualTo(ToolBounds.of(0.9, 0.5));
    }

    @Test
    void aJudgedReportWithCurrentAndStaleHumanVerdictsIsValid() throws IOException {
        RunHeader header = new RunHeader(
                "20260102-030405-cafe",
                Instant.parse("2026-01-02T03:04:05Z"),
                new ModelInfo("sim", "a", true),
                new TreeMap<>());
        try (RunReportWriter writer = RunReportWriter.start(dir, header, MetricsOptions.DEFAULTS)) {
            writer.record(judged("r1", "Sorry, refunded.", Map.of("polite", "true")));
            writer.record(judged(
                    "r2", "Refunded.", Map.of("polite", "false", JudgeAgreement.LABELLED_ANSWER, "An older reply.")));
            writer.finish(
                    List.of(new ClassInfo(
                            MATH,
                            "prompts/reply.prompt",
                            SHA,
                            MetricBounds.NONE,
                            Optional.empty(),
                            OptionalDouble.of(0.6))),
                    unknownCost(),
                    List.of(),
                    Optional.of(new ModelRun("judge", new ModelInfo("sim", "judge", true), false, unknownCost())));
        }
        String report = Files.readString(dir.resolve(RunReportWriter.LAST_RUN));

        assertThat(validate(report)).isEmpty();
        JsonNode agreement = MAPPER.readTree(report).at("/classes/0/judgeAgreement/0");
        assertThat(agreement.get("n").asInt()).isEqualTo(1);
        assertThat(agreement.get("stale").asInt()).isEqualTo(1);
        assertThat(MAPPER.readTree(report).at("/classes/0/thresholds/minKappa").asDouble())
                .isEqualTo(0.6);
        assertThat(RunReport.read(dir.resolve(RunReportWriter.LAST_RUN))
                        .classes()
                        .get(0)
                        .minKappa())
                .hasValue(0.6);
    }

    private static CaseRecord judged(String id, String answer, Map<String, String> vars) {
        Judgement judgement = new Judgement("polite", "Is polite", 0.8, 0.5, "it says sorry");
        return CaseRecord.builder(MATH, "replies", id)
                .split(Split.TUNE)
                .vars(vars)
                .verdict(Verdict.PASSED)
                .answer(answer)
                .usage(Usage.of(20, 3))
                .latencyMs(15)
                .judgements(List.of(judgement))
                .build();
    }

    @Test
    void anUnknownOutcomeIsRejected() throws IOException {
        ObjectNode report = (ObjectNode) MAPPER.readTree(writeReport(unknownCost(), true));
        ((ObjectNode) report.withArray("cases").get(0)).put("outcome", "maybe");

        List<Error> errors = validate(MAPPER.writeValueAsString(report));

        assertThat(errors).isNotEmpty();
        assertThat(errors.toString()).contains("/cases/0/outcome");
    }

    @Test
    void aFailedCaseWithoutItsFailureIsRejected() throws IOException {
        ObjectNode report = (ObjectNode) MAPPER.readTree(writeReport(unknownCost(), true));
        ObjectNode failed = (ObjectNode) report.withArray("cases").get(1);
        assertThat(failed.get("outcome").asText()).isEqualTo("failed");
        failed.putNull("failure");

        assertThat(validate(MAPPER.writeValueAsString(report)).toString()).contains("/cases/1/failure");
    }

    @Test
    void aMissingFieldAndAnUnknownFieldAreRejected() throws IOException {
        ObjectNode report = (ObjectNode) MAPPER.readTree(writeReport(unknownCost(), true));
        report.remove("schemaVersion");
        ((ObjectNode) report.get("usage")).put("surprise", 1);

        String errors = validate(MAPPER.writeValueAsString(report)).toString();

        assertThat(errors).contains("schemaVersion", "surprise");
    }

    @Test
    void theExampleInTheManualIsValid() throws IOException {
        String manual = Files.readString(Path.of("report-format.md"));
        int start = manual.indexOf("```json\n");
        int end = manual.indexOf("\n```", start + 1);
        assertThat(start).as("report-format.md has a ```json example").isNotNegative();

        String example = manual.substring(start + "```json\n".length(), end);

        assertThat(validate(example)).isEmpty();
    }

    private static List<Error> validate(String json) {
        return schema.validate(json, InputFormat.JSON);
    }

    /** A real run through the writer; {@code withCases} adds two classes with passed, failed and errored cases. */
    private String writeReport(UsageSnapshot usage, boolean withCases) throws IOException {
        RunHeader header = new RunHeader(
                "20260102-030405-abcd",
                Instant.parse("2026-01-02T03:04:05Z"),
                new ModelInfo("sim", "math", true),
                RunHeader.redact(Map.of(
                        "rpt.provider", "sim",
                        "rpt.max-tokens", "256",
                        "rpt.headers.Authorization", "Bearer secret")));
        try (RunReportWriter writer = RunReportWriter.start(dir, header, MetricsOptions.DEFAULTS)) {
            List<ClassInfo> classes = List.of();
            if (withCases) {
                writer.record(record(MATH, "m1", Split.TUNE, Verdict.PASSED, OptionalDouble.of(0.9)));
                writer.record(record(MATH, "m2", Split.TUNE, Verdict.FAILED, OptionalDouble.of(0.8)));
                writer.record(record(MATH, "m3", Split.HOLDOUT, Verdict.PASSED, OptionalDouble.empty()));
                writer.record(record(MATH, "m4", Split.HOLDOUT, Verdict.ERRORED, OptionalDouble.empty()));
                writer.record(record(SENTIMENT, "s1", Split.TUNE, Verdict.FAILED, OptionalDouble.empty()));
                classes = List.of(
                        new ClassInfo(MATH, "prompts/math.prompt", SHA, MetricBounds.of(0.8, 0.1, Double.NaN, 0.05)),
                        new ClassInfo(SENTIMENT, "prompts/sentiment.prompt", SHA, MetricBounds.NONE));
            }
            writer.finish(classes, usage);
        }
        return Files.readString(dir.resolve(RunReportWriter.LAST_RUN));
    }

    private static CaseRecord record(
            String className, String id, Split split, Verdict verdict, OptionalDouble confidence) {
        return CaseRecord.builder(className, "answers", id)
                .split(split)
                .vars(Map.of("question", "What is 2 + 2?"))
                .verdict(verdict)
                .answer(verdict == Verdict.ERRORED ? Optional.empty() : Optional.of("4"))
                .confidence(confidence)
                .failure(
                        verdict == Verdict.FAILED
                                ? Optional.of(new CaseRecord.Failure("equals", "expected 4 but was 5"))
                                : Optional.empty())
                .error(
                        verdict == Verdict.ERRORED
                                ? Optional.of(new CaseRecord.Failure("ModelTimeoutException", "no reply within 30s"))
                                : Optional.empty())
                .usage(verdict == Verdict.ERRORED ? Usage.ZERO : Usage.of(20, 3))
                .cached(id.equals("m1"))
                .latencyMs(verdict == Verdict.ERRORED ? 30_000 : 15)
                .build();
    }

    private static UsageSnapshot unknownCost() {
        return new UsageSnapshot(6, 1, 1, Usage.of(80, 12), Usage.of(20, 3), OptionalDouble.empty(), List.of("math"));
    }
}
