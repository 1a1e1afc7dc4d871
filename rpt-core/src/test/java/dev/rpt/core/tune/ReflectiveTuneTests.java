package dev.rpt.core.tune;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.cases.Split;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.diagnose.CriticAnalyzer;
import dev.rpt.core.eval.Answer;
import dev.rpt.core.eval.AnswerText;
import dev.rpt.core.eval.EvaluationSettings;
import dev.rpt.core.eval.PromptEvaluator;
import dev.rpt.core.gate.Thresholds;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ModelSettings;
import dev.rpt.core.model.Usage;
import dev.rpt.core.model.runtime.UsageLedger;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.core.model.sim.SimProvider;
import dev.rpt.core.prompt.PromptFile;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.RunHeader;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.report.RunReportWriter;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole reflective loop offline: the simulator is target, critic and optimizer; the optimizer's calls cross the
 * tool-call path; candidates are run through a runner that writes and reads real run reports. The tune must raise
 * held-out accuracy and lower ECE, and every patch must target a mode the previous report named.
 */
class ReflectiveTuneTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED = """
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

    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void simulatorTuneImprovesHeldOutAccuracyAndCalibration() throws IOException {
        RptConfig config = RptConfig.of(Map.of("rpt.provider", "sim", "rpt.sim.answers", "sim/gsm8k-sample.jsonl"));
        ChatModel sim = new SimProvider().create(ModelSettings.from(config), config, name -> null);
        List<Row> rows = rows();
        Path promptFile = dir.resolve("math.prompt");
        Files.writeString(promptFile, SEED);
        Thresholds goals = Thresholds.of(0.80, 0.15, Double.NaN, Double.NaN);
        UsageLedger ledger = UsageLedger.from(config);
        List<String> progress = new ArrayList<>();
        DiagnosticFunction diagnostic = new ReflectiveDiagnosticFunction(
                new InProcessRunner(sim, rows),
                "prompts/math.prompt",
                new CriticAnalyzer(sim, Optional.empty(), executor, 40),
                goals,
                MetricsOptions.DEFAULTS);

        TuneResult result = new Tuner(TuneSettings.DEFAULTS, sim, diagnostic, ledger, progress::add)
                .tune(promptFile, goals, dir.resolve("record"));

        double seedAccuracy = result.seed().holdout().accuracy().orElseThrow();
        double bestAccuracy = result.best().holdout().accuracy().orElseThrow();
        assertThat(bestAccuracy).isGreaterThan(seedAccuracy + 0.3);
        assertThat(result.best().holdout().ece().orElseThrow())
                .isLessThan(result.seed().holdout().ece().orElseThrow());
        assertThat(result.written()).isTrue();
        assertThat(progress).hasSize(result.iterations().size());
        for (int i = 1; i < result.iterations().size(); i++) {
            Path decision = dir.resolve(String.format("record/iteration-%02d/decision.json", i));
            JsonNode targets = JSON.readTree(decision.toFile()).get("targets");
            JsonNode report = JSON.readTree(result.iterations().get(i - 1).report());
            List<String> named = new ArrayList<>();
            report.get("failureModes")
                    .forEach(mode -> named.add(mode.get("label").asText()));
            if (report.at("/calibration/overconfidentWrong").asInt() > 0) {
                named.add("overconfident wrong answer");
            }
            assertThat(targets)
                    .as("patch %d targets a mode the report named", i)
                    .isNotEmpty();
            targets.forEach(target -> assertThat(named).contains(target.asText()));
        }
        assertThat(Files.readString(promptFile))
                .isEqualTo(result.best().candidate().text());
        assertThat(dir.resolve("record/transcript.jsonl"))
                .content()
                .contains("evaluate_prompt")
                .contains("decide");
    }

    @Test
    void targetCriticAndOptimizerAllCrossTheOpenAiWire() throws IOException {
        RptConfig simConfig = RptConfig.of(Map.of("rpt.provider", "sim", "rpt.sim.answers", "sim/gsm8k-sample.jsonl"));
        ChatModel sim = new SimProvider().create(ModelSettings.from(simConfig), simConfig, name -> null);
        SimOverOpenAiWire wire = new SimOverOpenAiWire(sim);
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(wire);
            server.start();
            RptConfig openai = RptConfig.of(Map.of(
                    "rpt.provider", "openai",
                    "rpt.model", "gpt-sim",
                    "rpt.base-url", server.url("/v1").toString(),
                    "rpt.api-key-env", "none"));
            ChatModel viaWire = new dev.rpt.core.model.openai.OpenAiProvider()
                    .create(ModelSettings.from(openai), openai, name -> null);
            Path promptFile = dir.resolve("math.prompt");
            Files.writeString(promptFile, SEED);
            Thresholds goals = Thresholds.of(0.80, 0.15, Double.NaN, Double.NaN);
            DiagnosticFunction diagnostic = new ReflectiveDiagnosticFunction(
                    new InProcessRunner(viaWire, rows()),
                    "prompts/math.prompt",
                    new CriticAnalyzer(viaWire, Optional.empty(), executor, 40),
                    goals,
                    MetricsOptions.DEFAULTS);

            TuneResult result = new Tuner(
                            TuneSettings.DEFAULTS, viaWire, diagnostic, UsageLedger.from(openai), line -> {})
                    .tune(promptFile, goals, dir.resolve("record"));

            assertThat(result.best().holdout().accuracy().orElseThrow())
                    .isGreaterThan(result.seed().holdout().accuracy().orElseThrow() + 0.3);
            assertThat(result.written()).isTrue();
            assertThat(wire.toolCallReplies.get())
                    .as("optimizer tool calls sent over the wire")
                    .isGreaterThanOrEqualTo(4);
            assertThat(wire.toolResultsReceived.get())
                    .as("tool results sent back over the wire")
                    .isPositive();
            assertThat(wire.requests.get()).isGreaterThan(200);
        }
    }

    /** Evaluates candidates in-process, as the engine would, and writes and reads a real run report. */
    private static final class InProcessRunner implements CandidateRunner {
        private static final java.util.concurrent.Executor POOL = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "in-process-runner");
            thread.setDaemon(true);
            return thread;
        });
        private final PromptEvaluator evaluator;
        private final List<Row> rows;

        InProcessRunner(ChatModel target, List<Row> rows) {
            this.evaluator = new PromptEvaluator(target, EvaluationSettings.DEFAULTS);
            this.rows = rows;
        }

        @Override
        public RunReport run(String promptResource, Path candidate, Path reportDirectory) throws IOException {
            PromptFile prompt = PromptFile.parse(candidate);
            RunHeader header = new RunHeader(
                    "run", Instant.now(), new dev.rpt.core.model.ModelInfo("sim", "sim", true), new TreeMap<>());
            // Ask for every answer at once, as the engine does, then record them in order.
            List<java.util.concurrent.CompletableFuture<Answer>> answers = rows.stream()
                    .map(row -> java.util.concurrent.CompletableFuture.supplyAsync(
                            () -> evaluator.evaluate(prompt, Map.of("question", row.question())), POOL))
                    .toList();
            try (RunReportWriter writer = RunReportWriter.start(reportDirectory, header, MetricsOptions.DEFAULTS)) {
                for (int i = 0; i < rows.size(); i++) {
                    Row row = rows.get(i);
                    Answer answer = answers.get(i).join();
                    List<BigDecimal> numbers = AnswerText.numbers(answer.text());
                    boolean right = numbers.size() == 1 && numbers.get(0).compareTo(new BigDecimal(row.answer())) == 0;
                    writer.record(new CaseRecord(
                            "MathTests",
                            "solves",
                            row.id(),
                            row.split(),
                            Map.of("question", row.question()),
                            right ? Verdict.PASSED : Verdict.FAILED,
                            Optional.of(answer.text()),
                            answer.confidence(),
                            answer.formatError(),
                            right
                                    ? Optional.empty()
                                    : Optional.of(new CaseRecord.Failure(
                                            numbers.size() == 1 ? "value" : "format",
                                            "Expected the number " + row.answer() + ", but the model answered \""
                                                    + answer.text() + "\"")),
                            Optional.empty(),
                            Usage.ZERO,
                            false,
                            0,
                            answer.justification(),
                            0));
                }
                Path written = writer.finish(
                        List.of(new ClassInfo("MathTests", promptResource, "0".repeat(64), Thresholds.NONE)),
                        new UsageSnapshot(0, 0, 0, Usage.ZERO, Usage.ZERO, OptionalDouble.of(0), List.of()));
                return RunReport.read(written);
            }
        }
    }

    private record Row(String id, String question, String answer, Split split) {}

    private static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in =
                ReflectiveTuneTests.class.getClassLoader().getResourceAsStream("sim/gsm8k-sample.jsonl")) {
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
