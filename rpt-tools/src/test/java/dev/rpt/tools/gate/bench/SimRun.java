package dev.rpt.tools.gate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.api.Split;
import dev.rpt.api.Usage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.eval.AnswerText;
import dev.rpt.core.eval.PromptEvaluator;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.ModelSettings;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.RunHeader;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.report.RunReportWriter;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.sim.SimOptions;
import dev.rpt.sim.SimProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Runs one prompt over the 200 GSM8K sample rows on the simulator with sampling noise (temperature 1, a seed per
 * run), grades every answer against the key, and writes and reads back a real run report, as the engine would.
 */
final class SimRun {

    static final String RESOURCE = "sim/gsm8k-sample.jsonl";
    static final String CLASS_NAME = "com.example.MathTests";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChatModel model;
    private final List<Row> rows;

    record Row(String id, String question, BigDecimal answer) {}

    SimRun() {
        this.model =
                new SimProvider().create(ModelSettings.of("sim", "sim", null, null), SimOptions.ofAnswers(RESOURCE));
        this.rows = rows();
    }

    int size() {
        return rows.size();
    }

    /**
     * One run of {@code system} with sampling seed {@code seed} and {@code repeat} samples per case, as {@code
     * rpt.repeat} gives; the report is written under {@code directory}.
     */
    RunReport run(String system, long seed, int repeat, Path directory) {
        return run(index -> system, system, seed, repeat, directory);
    }

    /**
     * One run where case {@code i} gets the system prompt {@code systemFor.apply(i)}, as a template with a per-case
     * branch would render it; {@code label} is what the prompt's sha256 is taken of.
     */
    RunReport run(IntFunction<String> systemFor, String label, long seed, int repeat, Path directory) {
        String runId = "seed-" + seed;
        RunHeader header = new RunHeader(runId, Instant.EPOCH, new ModelInfo("sim", "sim", true), new TreeMap<>());
        try (RunReportWriter writer = RunReportWriter.start(directory, header, MetricsOptions.DEFAULTS)) {
            for (int i = 0; i < rows.size(); i++) {
                for (int sample = 0; sample < repeat; sample++) {
                    writer.record(grade(CLASS_NAME, rows.get(i), systemFor.apply(i), seed, sample));
                }
            }
            Path file = writer.finish(
                    List.of(new ClassInfo(CLASS_NAME, "prompts/math.prompt", sha256(label), MetricBounds.NONE)),
                    new UsageSnapshot(0, 0, 0, Usage.ZERO, Usage.ZERO, OptionalDouble.of(0), List.of()));
            return RunReport.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One build's run report: {@code classes} classes {@code com.example.C0, C1, …}, each the 200 rows with seeds of
     * its own, class {@code c}'s case {@code i} getting the system prompt {@code systemFor.apply(c).apply(i)}.
     *
     * @param label what class {@code c}'s prompt sha256 is taken of
     */
    RunReport runBuild(
            int classes,
            IntFunction<IntFunction<String>> systemFor,
            IntFunction<String> label,
            long seed,
            int repeat,
            Path directory) {
        return runBuild(classes, 1, systemFor, label, seed, repeat, directory);
    }

    /**
     * As {@link #runBuild(int, IntFunction, IntFunction, long, int, Path)}, on {@code models} named model
     * configurations ({@code m0}, {@code m1}, …) when there is more than one: each class then runs once per model,
     * with its own sampling seeds, as a model matrix does. The broken class is broken on every model.
     */
    RunReport runBuild(
            int classes,
            int models,
            IntFunction<IntFunction<String>> systemFor,
            IntFunction<String> label,
            long seed,
            int repeat,
            Path directory) {
        RunHeader header =
                new RunHeader("seed-" + seed, Instant.EPOCH, new ModelInfo("sim", "sim", true), new TreeMap<>());
        try (RunReportWriter writer = RunReportWriter.start(directory, header, MetricsOptions.DEFAULTS)) {
            List<ClassInfo> infos = new ArrayList<>();
            for (int m = 0; m < models; m++) {
                Optional<String> model = models == 1 ? Optional.empty() : Optional.of("m" + m);
                for (int c = 0; c < classes; c++) {
                    String className = "com.example.C" + c;
                    IntFunction<String> system = systemFor.apply(c);
                    for (int i = 0; i < rows.size(); i++) {
                        for (int sample = 0; sample < repeat; sample++) {
                            CaseRecord record =
                                    grade(className, rows.get(i), system.apply(i), seed * 1000 + c + 100L * m, sample);
                            writer.record(model.map(record::withModel).orElse(record));
                        }
                    }
                    infos.add(new ClassInfo(
                            className, "prompts/math.prompt", sha256(label.apply(c)), MetricBounds.NONE, model));
                }
            }
            Path file = writer.finish(
                    infos, new UsageSnapshot(0, 0, 0, Usage.ZERO, Usage.ZERO, OptionalDouble.of(0), List.of()));
            return RunReport.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CaseRecord grade(String className, Row row, String system, long seed, int sample) {
        ChatRequest request = ChatRequest.builder()
                .system(system)
                .user("Question:\n" + row.question())
                .responseFormat(PromptEvaluator.TARGET_ANSWER)
                .temperature(1.0)
                .seed(seed)
                .sampleIndex(sample)
                .build();
        JsonNode reply;
        try {
            reply = JSON.readTree(model.chat(request).text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String answer = reply.path("answer").asText();
        List<BigDecimal> numbers = AnswerText.numbers(answer);
        boolean right = numbers.size() == 1 && numbers.get(0).compareTo(row.answer()) == 0;
        return CaseRecord.builder(className, "solves", row.id())
                .split(Split.TUNE)
                .verdict(right ? Verdict.PASSED : Verdict.FAILED)
                .answer(answer)
                .confidence(reply.path("confidence").asDouble())
                .failure(
                        right
                                ? Optional.empty()
                                : Optional.of(new CaseRecord.Failure("value", "expected " + row.answer())))
                .latencyMs(sample)
                .build();
    }

    private static List<Row> rows() {
        try (InputStream in = SimRun.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            List<Row> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                String answer = node.get("answer").asText();
                rows.add(new Row(
                        "q" + rows.size(),
                        node.get("question").asText(),
                        new BigDecimal(answer.substring(answer.lastIndexOf("####") + 4)
                                .strip()
                                .replace(",", ""))));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
