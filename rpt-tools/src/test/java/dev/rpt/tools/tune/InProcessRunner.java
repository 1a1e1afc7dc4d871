package dev.rpt.tools.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.api.Answer;
import dev.rpt.api.Split;
import dev.rpt.api.Usage;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.eval.AnswerText;
import dev.rpt.core.eval.EvaluationSettings;
import dev.rpt.core.eval.PromptEvaluator;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ModelException;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.RunHeader;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.report.RunReportWriter;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.prompt.PromptFile;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/**
 * Evaluates candidates in-process, as the engine would, over the 200 GSM8K rows of the simulator's test resource
 * (the first 100 tune, the rest held out), and writes and reads a real run report.
 */
final class InProcessRunner implements CandidateRunner {

    /** A deliberately weak math prompt over the rows' {@code question}: the seed the tune tests start from. */
    static final String WEAK_SEED = """
            ---
            input:
              schema:
                question: string
            ---
            {{role "system"}}
            You are a helpful assistant that answers math questions.
            {{role "user"}}
            {{question}}
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final java.util.concurrent.Executor POOL = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "in-process-runner");
        thread.setDaemon(true);
        return thread;
    });
    private final PromptEvaluator evaluator;
    private final List<Row> rows;
    private final MetricBounds bounds;
    private final int samples;

    InProcessRunner(ChatModel target, List<Row> rows) {
        this(target, rows, MetricBounds.NONE);
    }

    /** A runner whose class declares {@code bounds} as its {@code @Thresholds}. */
    InProcessRunner(ChatModel target, List<Row> rows, MetricBounds bounds) {
        this.evaluator = new PromptEvaluator(target, EvaluationSettings.DEFAULTS);
        this.rows = rows;
        this.bounds = bounds;
        this.samples = 1;
    }

    /** A runner that samples every case {@code samples} times at {@code temperature}, as {@code rpt.repeat} does. */
    InProcessRunner(ChatModel target, List<Row> rows, int samples, double temperature) {
        EvaluationSettings defaults = EvaluationSettings.DEFAULTS;
        this.evaluator = new PromptEvaluator(
                target,
                new EvaluationSettings(
                        defaults.confidence(), defaults.samples(), temperature, defaults.maxTokens(), defaults.seed()));
        this.rows = rows;
        this.bounds = MetricBounds.NONE;
        this.samples = samples;
    }

    @Override
    public RunReport run(String promptResource, PromptFile prompt, Path reportDirectory) throws IOException {
        RunHeader header = new RunHeader(
                "run", Instant.now(), new dev.rpt.core.model.ModelInfo("sim", "sim", true), new TreeMap<>());
        // Ask for every answer at once, as the engine does, then record them in order.
        List<java.util.concurrent.CompletableFuture<Answer>> answers = new ArrayList<>();
        for (Row row : rows) {
            for (int sample = 0; sample < samples; sample++) {
                int index = sample;
                answers.add(java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> evaluator.evaluate(prompt, Map.of("question", row.question()), index), POOL));
            }
        }
        try (RunReportWriter writer = RunReportWriter.start(reportDirectory, header, MetricsOptions.DEFAULTS)) {
            Usage billed = Usage.ZERO;
            Usage cached = Usage.ZERO;
            int cachedCalls = 0;
            int errors = 0;
            for (int i = 0; i < answers.size(); i++) {
                Row row = rows.get(i / samples);
                int sample = i % samples;
                Answer answer;
                try {
                    answer = answers.get(i).join();
                } catch (java.util.concurrent.CompletionException e) {
                    // As the engine does: a call that failed is an errored case, never a scored one.
                    if (!(e.getCause() instanceof ModelException failure)) {
                        throw e;
                    }
                    errors++;
                    writer.record(errored(row, sample, failure));
                    continue;
                }
                List<BigDecimal> numbers = AnswerText.numbers(answer.text());
                boolean right = numbers.size() == 1 && numbers.get(0).compareTo(new BigDecimal(row.answer())) == 0;
                writer.record(CaseRecord.builder("MathTests", "solves", row.id())
                        .split(row.split())
                        .vars(Map.of("question", row.question()))
                        .verdict(right ? Verdict.PASSED : Verdict.FAILED)
                        .answer(answer.text())
                        .confidence(answer.confidence())
                        .formatError(answer.formatError())
                        .failure(
                                right
                                        ? Optional.empty()
                                        : Optional.of(new CaseRecord.Failure(
                                                numbers.size() == 1 ? "value" : "format",
                                                "Expected the number " + row.answer() + ", but the model answered \""
                                                        + answer.text() + "\"")))
                        .usage(answer.usage())
                        .cached(answer.cached())
                        .justification(answer.justification())
                        .sample(sample)
                        .build());
                if (answer.cached()) {
                    cachedCalls++;
                    cached = cached.plus(answer.usage());
                } else {
                    billed = billed.plus(answer.usage());
                }
            }
            // The target's calls and tokens, as the engine's ledger would state them: the tune's budgets count them.
            Path written = writer.finish(
                    List.of(new ClassInfo("MathTests", promptResource, "0".repeat(64), bounds)),
                    new UsageSnapshot(
                            answers.size(),
                            cachedCalls,
                            errors,
                            billed,
                            cached,
                            OptionalDouble.of(0),
                            List.of(),
                            OptionalDouble.of(0)));
            return RunReport.read(written);
        }
    }

    private static CaseRecord errored(Row row, int sample, ModelException failure) {
        return CaseRecord.builder("MathTests", "solves", row.id())
                .split(row.split())
                .vars(Map.of("question", row.question()))
                .verdict(Verdict.ERRORED)
                .error(Optional.of(new CaseRecord.Failure(failure.getClass().getSimpleName(), failure.getMessage())))
                .sample(sample)
                .build();
    }

    record Row(String id, String question, String answer, Split split) {}

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = InProcessRunner.class.getClassLoader().getResourceAsStream("sim/gsm8k-sample.jsonl")) {
            int i = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                String answer = node.get("answer").asText();
                rows.add(new Row(
                        "q" + i,
                        node.get("question").asText(),
                        answer.substring(answer.indexOf("####") + 4).strip().replace(",", ""),
                        i < 100 ? Split.TUNE : Split.HOLDOUT));
                i++;
            }
        }
        return rows;
    }
}
