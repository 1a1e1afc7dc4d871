package dev.rpt.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.api.ToolCall;
import dev.rpt.api.Usage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.Role;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.runtime.UsageLedger;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.prompt.PromptFile;
import dev.rpt.tools.diagnose.DeterministicAnalyzer;
import dev.rpt.tools.tune.CandidateRunner;
import dev.rpt.tools.tune.ReflectiveDiagnosticFunction;
import dev.rpt.tools.tune.TuneResult;
import dev.rpt.tools.tune.TuneSettings;
import dev.rpt.tools.tune.Tuner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import mockwebserver3.MockWebServer;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tune with {@code rpt.batch=on}: each candidate's run sends its target calls as one batch through the real {@code
 * openai} provider and a loopback server's Files and Batch APIs, and the batch replies count against the tune's cost
 * budget at the batch price: neither free like cache hits nor at the direct price.
 */
class BatchedTuneTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESOURCE = "prompts/math.prompt";
    /** One candidate run: 25 calls of 50 input tokens at $2 and 10 output at $8 per million, at half the price. */
    private static final double RUN_COST = 0.5 * 25 * (50 * 2.0 + 10 * 8.0) / 1e6;

    @TempDir
    Path project;

    private final MockWebServer server = new MockWebServer();
    private final FakeBatchServer batches = new FakeBatchServer(Gsm8kAnswers.replies());

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(batches);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void eachCandidateRunIsOneBatchBilledAtTheBatchPriceAgainstTheCostBudget() throws IOException {
        Path promptFile = project.resolve("src/test/resources").resolve(RESOURCE);
        Files.createDirectories(promptFile.getParent());
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            Files.write(promptFile, in.readAllBytes());
        }
        PromptFile seed = PromptFile.parse(promptFile);
        String system = seed.sectionText(Role.SYSTEM);
        String user = seed.sectionText(Role.USER);
        // Three candidates on offer; the budget (between one and two runs at the batch price) ends the tune after two.
        ScriptedOptimizer optimizer = new ScriptedOptimizer(
                evaluate(system, user),
                evaluate(system + " Be brief.", user),
                evaluate(system + " Be very brief.", user));
        RptConfig prices = RptConfig.of(Map.of("rpt.price.gpt-4.1-mini", "2,8", "rpt.price.opt", "0,0"));
        UsageLedger ledger = UsageLedger.from(prices);
        optimizer.ledger = ledger;
        TuneSettings settings = TuneSettings.builder()
                .maxCostUsd(OptionalDouble.of(1.5 * RUN_COST))
                .build();
        List<String> progress = new ArrayList<>();

        Tuner tuner = new Tuner(
                settings,
                optimizer,
                new ReflectiveDiagnosticFunction(
                        new EngineRunner(),
                        RESOURCE,
                        new DeterministicAnalyzer(),
                        MetricBounds.NONE,
                        MetricsOptions.DEFAULTS),
                ledger,
                progress::add);
        var tuned = StdOut.capture(() -> {
            try {
                return tuner.tune(promptFile, MetricBounds.NONE, project.resolve("target/rpt/tune/batched"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        TuneResult result = tuned.value();

        assertThat(result.iterations()).hasSize(2);
        assertThat(result.stopReason()).startsWith("reached the cost budget rpt.tune.max-cost=");
        assertThat(batches.batchesCreated.get())
                .as("one batch per candidate run")
                .isEqualTo(2);
        assertThat(batches.directCalls.get())
                .as("no target call outside a batch")
                .isZero();
        assertThat(tuned.out())
                .contains("[rpt] batch batch_1: submitted 25 requests to openai/gpt-4.1-mini")
                .contains("[rpt] batch batch_2: submitted 25 requests to openai/gpt-4.1-mini");
        for (int i = 0; i < 2; i++) {
            var usage = result.iterations().get(i).targetUsage();
            assertThat(usage.calls()).as("iteration %d calls", i + 1).isEqualTo(25);
            assertThat(usage.cachedCalls())
                    .as("iteration %d: billed, not free hits", i + 1)
                    .isZero();
            assertThat(usage.costUsd().orElseThrow())
                    .as("iteration %d at the batch price", i + 1)
                    .isCloseTo(RUN_COST, Offset.offset(1e-12));
        }
    }

    private static ChatResponse evaluate(String system, String user) {
        String arguments =
                JSON.createObjectNode().put("system", system).put("user", user).toString();
        return new ChatResponse(
                null,
                List.of(new ToolCall("call_" + arguments.hashCode(), "evaluate_prompt", arguments)),
                null,
                FinishReason.TOOL_CALLS,
                Usage.of(100, 20),
                List.of(),
                "opt",
                false);
    }

    /** Runs the fixture class with the candidate in place of its prompt, as rpt:tune does, in this JVM. */
    private final class EngineRunner implements CandidateRunner {

        @Override
        public RunReport run(String promptResource, PromptFile candidate, Path reportDirectory) throws IOException {
            // Through the documented override key: the batch server's harness runs the engine as Surefire would.
            Path file = Files.createDirectories(reportDirectory).resolve("candidate.prompt");
            Files.writeString(file, candidate.text());
            FakeBatchServer.runMath(
                    server.url("/v1").toString(),
                    project.resolve("cache"),
                    reportDirectory,
                    Map.of("rpt.prompt-override." + promptResource, file.toString()));
            return RunReport.read(reportDirectory.resolve("last-run.json"));
        }
    }

    /** An optimizer that plays a fixed script of replies, recording their usage as the real one would. */
    private static final class ScriptedOptimizer implements ChatModel {
        private final Deque<ChatResponse> script;
        UsageLedger ledger;

        ScriptedOptimizer(ChatResponse... replies) {
            this.script = new ArrayDeque<>(List.of(replies));
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            ChatResponse reply = script.poll();
            if (reply == null) {
                throw new AssertionError("the optimizer script ran out");
            }
            ledger.recordResponse(info(), reply);
            return reply;
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("fake", "opt", false);
        }
    }
}
