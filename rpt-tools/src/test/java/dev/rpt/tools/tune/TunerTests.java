package dev.rpt.tools.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.api.Usage;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.Role;
import dev.rpt.chat.ToolChoice;
import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.model.runtime.UsageLedger;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.prompt.PromptFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TunerTests {

    private static final String SEED = """
            ---
            input:
              schema:
                question: string
            ---
            {{! kept as is }}
            {{role "system"}}
            Solve it.
            {{role "user"}}
            {{question}}
            """;
    private static final String BETTER = "Solve it. Think step by step.";

    @TempDir
    Path dir;

    private Path promptFile;
    private final UsageLedger ledger = UsageLedger.from(RptConfig.of(Map.of()));
    private final List<String> progress = new ArrayList<>();
    private final FakeDiagnostic diagnostic = new FakeDiagnostic();

    @BeforeEach
    void writeSeed() throws IOException {
        promptFile = dir.resolve("solver.prompt");
        Files.writeString(promptFile, SEED);
    }

    @Test
    void patchThatImprovesHeldOutIsWrittenBackAndRecorded() throws IOException {
        ScriptedOptimizer optimizer = new ScriptedOptimizer(
                call("evaluate_prompt", "{\"system\":\"Solve it.\",\"user\":\"{{question}}\"}"),
                call(
                        "decide",
                        "{\"decision\":\"PATCH\",\"system\":\"" + BETTER + "\",\"rationale\":\"steps\","
                                + "\"targets\":[\"skipped final step\"]}"),
                call("evaluate_prompt", "{\"system\":\"" + BETTER + "\",\"user\":\"{{question}}\"}"),
                call("decide", "{\"decision\":\"STOP\",\"rationale\":\"good\",\"targets\":[],\"reason\":\"done\"}"));

        TuneResult result =
                tuner(TuneSettings.DEFAULTS, optimizer).tune(promptFile, MetricBounds.NONE, dir.resolve("rec"));

        assertThat(result.iterations()).hasSize(2);
        assertThat(result.improved()).isTrue();
        assertThat(result.written()).isTrue();
        assertThat(result.stopReason()).isEqualTo("the optimizer stopped: done");
        assertThat(diagnostic.targets).containsExactly(List.of(), List.of("skipped final step"));
        String written = Files.readString(promptFile);
        assertThat(written).contains(BETTER).contains("{{! kept as is }}").startsWith("---\ninput:");
        assertThat(result.diff()).contains("-Solve it.").contains("+" + BETTER);
        assertThat(dir.resolve("rec/summary.json")).exists();
        assertThat(dir.resolve("rec/transcript.jsonl")).exists();
        assertThat(Files.readAllLines(dir.resolve("rec/transcript.jsonl"))).hasSize(4);
        assertThat(dir.resolve("rec/iteration-02/prompt.prompt")).content().contains(BETTER);
        assertThat(dir.resolve("rec/iteration-02/diff.patch")).content().contains("+" + BETTER);
        assertThat(dir.resolve("rec/iteration-01/decision.json")).content().contains("skipped final step");
        assertThat(progress).hasSize(2);
        assertThat(progress.get(1))
                .startsWith("iteration 2/5: held-out accuracy 0.900")
                .contains("skipped final step");
        ChatRequest first = optimizer.requests.get(0);
        assertThat(first.toolChoice()).isEqualTo(ToolChoice.REQUIRED);
        assertThat(optimizer.requests)
                .as("every turn has room for a whole rewritten prompt, on OpenAI as on Anthropic")
                .allSatisfy(request -> assertThat(request.maxTokens()).isEqualTo(Tuner.OPTIMIZER_MAX_TOKENS));
        assertThat(first.tools())
                .extracting(t -> t.name())
                .containsExactly("evaluate_prompt", "inspect_failures", "decide", "list_examples");
        assertThat(first.messages().get(1).content())
                .contains("\"system\":\"Solve it.\"")
                .contains("question");
    }

    @Test
    void dryRunPrintsTheDiffButWritesNothing() throws IOException {
        ScriptedOptimizer optimizer = new ScriptedOptimizer(
                call("evaluate_prompt", "{\"system\":\"Solve it.\",\"user\":\"{{question}}\"}"),
                call("evaluate_prompt", "{\"system\":\"" + BETTER + "\",\"user\":\"{{question}}\"}"),
                call("decide", "{\"decision\":\"STOP\",\"rationale\":\"r\",\"targets\":[]}"));
        TuneSettings dryRun = withDryRun(TuneSettings.DEFAULTS);

        TuneResult result = tuner(dryRun, optimizer).tune(promptFile, MetricBounds.NONE, dir.resolve("rec"));

        assertThat(result.written()).isFalse();
        assertThat(result.diff()).contains("+" + BETTER);
        assertThat(promptFile).content().isEqualTo(SEED);
    }

    @Test
    void candidateThatDoesNotBeatTheSeedIsNotWritten() throws IOException {
        ScriptedOptimizer optimizer = new ScriptedOptimizer(
                call("evaluate_prompt", "{\"system\":\"Solve it.\",\"user\":\"{{question}}\"}"),
                call("evaluate_prompt", "{\"system\":\"Worse.\",\"user\":\"{{question}}\"}"),
                call("decide", "{\"decision\":\"STOP\",\"rationale\":\"r\",\"targets\":[]}"));

        TuneResult result =
                tuner(TuneSettings.DEFAULTS, optimizer).tune(promptFile, MetricBounds.NONE, dir.resolve("rec"));

        assertThat(result.improved()).isFalse();
        assertThat(result.written()).isFalse();
        assertThat(promptFile).content().isEqualTo(SEED);
    }

    @Test
    void patchThatDropsAPlaceholderIsRejectedAndReportedToTheOptimizer() throws IOException {
        ScriptedOptimizer optimizer = new ScriptedOptimizer(
                call("evaluate_prompt", "{\"system\":\"Solve it.\",\"user\":\"{{question}}\"}"),
                call(
                        "decide",
                        "{\"decision\":\"PATCH\",\"user\":\"no placeholder\",\"rationale\":\"r\",\"targets\":[]}"),
                call("decide", "{\"decision\":\"STOP\",\"rationale\":\"r\",\"targets\":[]}"));

        tuner(TuneSettings.DEFAULTS, optimizer).tune(promptFile, MetricBounds.NONE, dir.resolve("rec"));

        ChatMessage rejection = toolResultAfter(optimizer.requests.get(2), 1);
        assertThat(rejection.toolError()).isTrue();
        assertThat(rejection.content()).contains("drops the placeholder(s) [question]");
        assertThat(promptFile).content().isEqualTo(SEED);
    }

    @Test
    void aCandidateThatPastesAnOptimizationCaseIsRejectedBeforeItIsEvaluated() throws IOException {
        diagnostic.material = CaseMaterial.of(
                List.of(dev.rpt.core.report.CaseRecord.builder("example.MathTests", "solves", "train-000")
                        .split(dev.rpt.api.Split.TUNE)
                        .vars(
                                java.util.Map.of(
                                        "question",
                                        "Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May."))
                        .verdict(dev.rpt.core.calibration.Verdict.PASSED)
                        .answer("72")
                        .confidence(0.9)
                        .build()));
        ScriptedOptimizer optimizer = new ScriptedOptimizer(
                call("evaluate_prompt", "{\"system\":\"Solve it.\",\"user\":\"{{question}}\"}"),
                call(
                        "evaluate_prompt",
                        "{\"system\":\"Example: Natalia sold clips to 48 of her friends in April, and then she sold"
                                + " half. Answer 72.\",\"user\":\"{{question}}\"}"),
                call("decide", "{\"decision\":\"STOP\",\"rationale\":\"r\",\"targets\":[]}"));

        TuneResult result =
                tuner(TuneSettings.DEFAULTS, optimizer).tune(promptFile, MetricBounds.NONE, dir.resolve("rec"));

        ChatMessage rejection = toolResultAfter(optimizer.requests.get(2), 1);
        assertThat(rejection.toolError()).isTrue();
        assertThat(rejection.content())
                .startsWith("Rejected before evaluation: the candidate copies the text of optimization case"
                        + " 'train-000' (\"natalia sold clips to 48 of her friends in april\").");
        assertThat(result.iterations()).as("the copy was never evaluated").hasSize(1);
        assertThat(progress).anyMatch(line -> line.startsWith("Rejected a candidate that copies optimization case"));
    }

    @Test
    void withoutAnEvaluationOfTheSeedNoCandidateIsAdopted() throws IOException {
        ScriptedOptimizer optimizer = new ScriptedOptimizer(
                call("evaluate_prompt", "{\"system\":\"Solve it briefly.\",\"user\":\"{{question}}\"}"),
                call("evaluate_prompt", "{\"system\":\"Solve it step by step.\",\"user\":\"{{question}}\"}"),
                call("decide", "{\"decision\":\"STOP\",\"rationale\":\"r\",\"targets\":[]}"));

        TuneResult result =
                tuner(TuneSettings.DEFAULTS, optimizer).tune(promptFile, MetricBounds.NONE, dir.resolve("rec"));

        assertThat(result.adoption().adopted()).isFalse();
        assertThat(result.adoption().reason())
                .isEqualTo("the seed itself was never evaluated, so no gain over it can be shown");
        assertThat(promptFile).content().isEqualTo(SEED);
    }

    @Test
    void malformedArgumentsGetOneCorrectiveRetry() throws IOException {
        ScriptedOptimizer optimizer = new ScriptedOptimizer(
                call("evaluate_prompt", "{\"system\": \"Solve it.\", \"user\": "),
                call("evaluate_prompt", "{\"system\":\"Solve it.\",\"user\":\"{{question}}\"}"),
                call("decide", "{\"decision\":\"STOP\",\"rationale\":\"r\",\"targets\":[]}"));

        TuneResult result =
                tuner(TuneSettings.DEFAULTS, optimizer).tune(promptFile, MetricBounds.NONE, dir.resolve("rec"));

        ChatMessage correction = toolResultAfter(optimizer.requests.get(1), 0);
        assertThat(correction.toolError()).isTrue();
        assertThat(correction.content()).contains("not a valid JSON object");
        assertThat(result.iterations()).hasSize(1);
    }

    @Test
    void optimizerThatNeverCallsAToolIsAClearError() {
        ScriptedOptimizer optimizer = new ScriptedOptimizer(text("I think"), text("Maybe"), text("Sure"), text("Ok"));

        assertThatThrownBy(() -> tuner(TuneSettings.DEFAULTS, optimizer).tune(promptFile, MetricBounds.NONE, dir))
                .isInstanceOf(TuneStopped.class)
                .hasMessageContaining("without calling a tool")
                .hasMessageContaining("rpt.tune.optimizer.model");
        assertThat(optimizer.requests).hasSize(3);
    }

    @Test
    void stopsWhenTheThresholdsHoldOnHeldOutCases() throws IOException {
        ScriptedOptimizer optimizer = new ScriptedOptimizer(
                call("evaluate_prompt", "{\"system\":\"Solve it.\",\"user\":\"{{question}}\"}"),
                call("evaluate_prompt", "{\"system\":\"" + BETTER + "\",\"user\":\"{{question}}\"}"));
        MetricBounds goals = MetricBounds.of(0.85, Double.NaN, Double.NaN, Double.NaN);

        TuneResult result = tuner(TuneSettings.DEFAULTS, optimizer).tune(promptFile, goals, dir.resolve("rec"));

        assertThat(result.stopReason()).startsWith("every threshold holds on the held-out cases");
        assertThat(result.written()).isTrue();
    }

    @Test
    void callBudgetStopsCleanlyAndKeepsTheBest() throws IOException {
        ScriptedOptimizer optimizer = new ScriptedOptimizer(
                call("evaluate_prompt", "{\"system\":\"Solve it.\",\"user\":\"{{question}}\"}"),
                call("evaluate_prompt", "{\"system\":\"" + BETTER + "\",\"user\":\"{{question}}\"}"),
                call("evaluate_prompt", "{\"system\":\"never evaluated\",\"user\":\"{{question}}\"}"));
        TuneSettings budget =
                TuneSettings.builder().maxCalls(OptionalLong.of(2)).build();

        TuneResult result = tuner(budget, optimizer).tune(promptFile, MetricBounds.NONE, dir.resolve("rec"));

        assertThat(result.stopReason()).contains("rpt.tune.max-calls=2");
        assertThat(result.iterations()).hasSize(2);
        assertThat(result.best().candidate().text()).contains(BETTER);
        assertThat(result.written()).isTrue();
    }

    @Test
    void anOptimizerThatGoesDownStopsCleanlyAndKeepsTheBest() throws IOException {
        ScriptedOptimizer optimizer = new ScriptedOptimizer(
                call("evaluate_prompt", "{\"system\":\"Solve it.\",\"user\":\"{{question}}\"}"),
                call("evaluate_prompt", "{\"system\":\"" + BETTER + "\",\"user\":\"{{question}}\"}"));
        optimizer.failWhenDone = true;

        TuneResult result =
                tuner(TuneSettings.DEFAULTS, optimizer).tune(promptFile, MetricBounds.NONE, dir.resolve("rec"));

        assertThat(result.stopReason())
                .startsWith("the optimizer model failed (ServerErrorException)")
                .contains("503");
        assertThat(result.iterations()).hasSize(2);
        assertThat(result.best().candidate().text()).contains(BETTER);
        assertThat(result.written()).isTrue();
        assertThat(promptFile).content().contains(BETTER);
    }

    @Test
    void aTargetThatAnswersNoCaseStopsTheTuneAndKeepsTheBest() throws IOException {
        diagnostic.downFromIteration = 3;
        ScriptedOptimizer optimizer = new ScriptedOptimizer(
                call("evaluate_prompt", "{\"system\":\"Solve it.\",\"user\":\"{{question}}\"}"),
                call("evaluate_prompt", "{\"system\":\"" + BETTER + "\",\"user\":\"{{question}}\"}"),
                call("evaluate_prompt", "{\"system\":\"" + BETTER + " Twice.\",\"user\":\"{{question}}\"}"),
                call("evaluate_prompt", "{\"system\":\"never evaluated\",\"user\":\"{{question}}\"}"));

        TuneResult result =
                tuner(TuneSettings.DEFAULTS, optimizer).tune(promptFile, MetricBounds.NONE, dir.resolve("rec"));

        assertThat(result.stopReason())
                .isEqualTo("the target model answered none of the 20 cases of iteration 3 (every one errored; its"
                        + " run report says why)");
        assertThat(result.iterations()).hasSize(3);
        assertThat(result.best().iteration()).isEqualTo(2);
        assertThat(promptFile).content().contains(BETTER).doesNotContain("Twice");
        assertThat(optimizer.script).hasSize(1);
    }

    @Test
    void targetCallsOfEachEvaluationCountTowardsTheBudget() throws IOException {
        diagnostic.targetUsagePerRun = new dev.rpt.core.model.runtime.UsageSnapshot(
                10, 0, 0, Usage.of(1000, 100), Usage.ZERO, OptionalDouble.of(0), List.of());
        ScriptedOptimizer optimizer = new ScriptedOptimizer(
                call("evaluate_prompt", "{\"system\":\"Solve it.\",\"user\":\"{{question}}\"}"),
                call("evaluate_prompt", "{\"system\":\"" + BETTER + "\",\"user\":\"{{question}}\"}"),
                call("evaluate_prompt", "{\"system\":\"never evaluated\",\"user\":\"{{question}}\"}"));
        TuneSettings budget =
                TuneSettings.builder().maxCalls(OptionalLong.of(15)).build();

        TuneResult result = tuner(budget, optimizer).tune(promptFile, MetricBounds.NONE, dir.resolve("rec"));

        assertThat(result.iterations()).as("1 + 10 calls, then 2 + 20 ≥ 15").hasSize(2);
        assertThat(result.stopReason()).contains("rpt.tune.max-calls=15");
        assertThat(progress.get(1))
                .as("2 × (100 + 20) optimizer + 2 × 1100 target tokens")
                .contains("22 calls, 2440 tokens");
    }

    @Test
    void resumeRestoresCompletedIterationsAndEvaluatesThePendingPatch() throws IOException {
        ScriptedOptimizer crashing = new ScriptedOptimizer(
                call("evaluate_prompt", "{\"system\":\"Solve it.\",\"user\":\"{{question}}\"}"),
                call(
                        "decide",
                        "{\"decision\":\"PATCH\",\"system\":\"" + BETTER + "\",\"rationale\":\"r\","
                                + "\"targets\":[\"skipped final step\"]}"));
        Path record = dir.resolve("tune/20261124-000000-solver");
        assertThatThrownBy(() -> tuner(TuneSettings.DEFAULTS, crashing).tune(promptFile, MetricBounds.NONE, record))
                .as("the JVM dies mid-tune: here, the optimizer script runs out")
                .isInstanceOf(AssertionError.class);
        assertThat(record.resolve("summary.json")).doesNotExist();
        assertThat(promptFile).content().isEqualTo(SEED);
        assertThat(TuneCheckpoint.findUnfinished(dir.resolve("tune"), "solver")).contains(record);
        assertThat(TuneCheckpoint.findUnfinished(dir.resolve("tune"), "other")).isEmpty();

        TuneCheckpoint checkpoint = TuneCheckpoint.load(record);
        assertThat(checkpoint.iterations()).hasSize(1);
        assertThat(checkpoint.pendingPatch())
                .get()
                .extracting(TuneCheckpoint.Patch::targets)
                .isEqualTo(List.of("skipped final step"));
        ScriptedOptimizer resumed = new ScriptedOptimizer(
                call("evaluate_prompt", "{\"system\":\"" + BETTER + "\",\"user\":\"{{question}}\"}"),
                call("decide", "{\"decision\":\"STOP\",\"rationale\":\"r\",\"targets\":[]}"));
        TuneResult result = tuner(TuneSettings.DEFAULTS, resumed).resume(promptFile, MetricBounds.NONE, checkpoint);

        assertThat(diagnostic.restored).containsExactly(1);
        assertThat(result.iterations()).extracting(Evaluation::iteration).containsExactly(1, 2);
        assertThat(diagnostic.targets.get(2)).containsExactly("skipped final step");
        assertThat(result.written()).isTrue();
        assertThat(promptFile).content().contains(BETTER);
        assertThat(record.resolve("summary.json")).exists();
        assertThat(TuneCheckpoint.findUnfinished(dir.resolve("tune"), "solver"))
                .as("finished now")
                .isEmpty();
        assertThat(resumed.requests.get(0).messages().get(1).content()).contains(BETTER);
        assertThat(resumed.requests.get(0).messages().get(2).content())
                .contains("resumes now")
                .contains("iteration 1");
    }

    @Test
    void maxIterationsEndsTheLoop() throws IOException {
        ScriptedOptimizer optimizer = new ScriptedOptimizer(
                call("evaluate_prompt", "{\"system\":\"Solve it.\",\"user\":\"{{question}}\"}"),
                call("evaluate_prompt", "{\"system\":\"Again.\",\"user\":\"{{question}}\"}"));
        TuneSettings one = TuneSettings.builder().maxIterations(1).build();

        TuneResult result = tuner(one, optimizer).tune(promptFile, MetricBounds.NONE, dir.resolve("rec"));

        assertThat(result.iterations()).hasSize(1);
        assertThat(result.stopReason()).contains("rpt.tune.max-iterations (1)");
    }

    @Test
    void aToolsDescriptionIsTunedInPlaceAndItsNameAndSchemaCannotChange() throws IOException {
        String seed = """
                ---
                input:
                  schema:
                    question: string
                tools:
                  - name: calculate
                    description: Calculate.  # the application's wording
                    input:
                      expression: string
                ---
                {{role "system"}}
                Solve it.
                {{role "user"}}
                {{question}}
                """;
        Files.writeString(promptFile, seed);
        String sections = "\"system\":\"Solve it.\",\"user\":\"{{question}}\",\"examples\":null";
        ScriptedOptimizer optimizer = new ScriptedOptimizer(
                call("evaluate_prompt", "{" + sections + ",\"tool_descriptions\":null}"),
                call(
                        "evaluate_prompt",
                        "{" + sections + ",\"tool_descriptions\":[{\"name\":\"calculate\",\"description\":"
                                + "\"Calculate one step at a time, step by step.\"}]}"),
                call(
                        "evaluate_prompt",
                        "{" + sections + ",\"tool_descriptions\":[{\"name\":\"calc\",\"description\":\"x\"}]}"),
                call(
                        "evaluate_prompt",
                        "{" + sections + ",\"tool_descriptions\":[{\"name\":\"calculate\",\"description\":\"x\","
                                + "\"input\":{\"a\":\"number\"}}]}"),
                call("decide", "{\"decision\":\"STOP\",\"rationale\":\"r\",\"targets\":[],\"reason\":\"done\"}"));

        TuneResult result =
                tuner(TuneSettings.DEFAULTS, optimizer).tune(promptFile, MetricBounds.NONE, dir.resolve("rec"));

        assertThat(result.iterations())
                .as("the two refused candidates were never evaluated")
                .hasSize(2);
        assertThat(promptFile)
                .content()
                .isEqualTo(seed.replace(
                        "description: Calculate.", "description: \"Calculate one step at a time, step by step.\""));
        ChatRequest first = optimizer.requests.get(0);
        assertThat(first.tools())
                .filteredOn(tool -> tool.name().equals("evaluate_prompt"))
                .singleElement()
                .satisfies(tool -> assertThat(tool.parameters().json())
                        .contains("\"tool_descriptions\":{\"type\":[\"array\",\"null\"]")
                        .contains("\"required\":[\"system\",\"user\",\"examples\",\"tool_descriptions\"]"));
        assertThat(first.messages().get(1).content())
                .contains("\"tools\":[{\"name\":\"calculate\",\"description\":\"Calculate.\"")
                .contains("cannot change");
        ChatRequest last = optimizer.requests.get(optimizer.requests.size() - 1);
        assertThat(toolResultAfter(last, 2).content())
                .startsWith("Rejected: the prompt declares no tool named calc; its tools are [calculate]")
                .contains("application's contract");
        assertThat(toolResultAfter(last, 3).content())
                .startsWith("Rejected: each 'tool_descriptions' entry holds a tool's name and its new description")
                .contains("cannot change");
    }

    private Tuner tuner(TuneSettings settings, ScriptedOptimizer optimizer) {
        optimizer.ledger = ledger;
        return new Tuner(settings, optimizer, diagnostic, ledger, progress::add);
    }

    private static TuneSettings withDryRun(TuneSettings s) {
        return s.toBuilder().dryRun(true).build();
    }

    private static ChatMessage toolResultAfter(ChatRequest request, int nth) {
        return request.messages().stream()
                .filter(m -> m.role() == Role.TOOL)
                .toList()
                .get(nth);
    }

    private static ChatResponse call(String name, String arguments) {
        return ScriptedOptimizer.call(name, arguments);
    }

    private static ChatResponse text(String text) {
        return new ChatResponse(text, List.of(), null, FinishReason.STOP, Usage.of(10, 2), List.of(), "opt", false);
    }

    /** Held-out accuracy 0.9 for a prompt that says "step by step", 0.5 otherwise, 0.3 for "Worse.". */
    private static final class FakeDiagnostic implements DiagnosticFunction {
        final List<List<String>> targets = new ArrayList<>();
        CaseMaterial material = CaseMaterial.NONE;

        @Override
        public CaseMaterial caseMaterial() {
            return material;
        }

        int downFromIteration = Integer.MAX_VALUE;
        dev.rpt.core.model.runtime.UsageSnapshot targetUsagePerRun = dev.rpt.core.model.runtime.UsageSnapshot.NONE;

        @Override
        public Evaluation evaluate(int iteration, PromptFile candidate, List<String> patchTargets, Path directory) {
            targets.add(patchTargets);
            String system = candidate.sectionText(Role.SYSTEM);
            boolean toolSaysSteps = candidate.frontMatter().tools().tools().stream()
                    .anyMatch(tool -> tool.description().contains("step by step"));
            int right = system.contains("step by step") || toolSaysSteps ? 9 : system.contains("Worse") ? 3 : 5;
            Metrics metrics = iteration >= downFromIteration ? allErrored() : metrics(right);
            // 20 confirmation cases, the first 2·right of them answered right: nested sets, so a better prompt
            // gains cases and loses none.
            java.util.SortedMap<String, List<CaseOutcome>> confirm = new java.util.TreeMap<>();
            for (int i = 0; i < 20; i++) {
                confirm.put(
                        String.format(java.util.Locale.ROOT, "c%02d", i),
                        List.of(i < 2 * right ? CaseOutcome.passed(0.8) : CaseOutcome.failed(0.8)));
            }
            return new Evaluation(
                    iteration,
                    candidate,
                    "{\"iteration\":" + iteration + "}",
                    metrics,
                    metrics,
                    right == 9 ? List.of() : List.of("skipped final step"),
                    targetUsagePerRun,
                    Metrics.of(confirm.values().stream().flatMap(List::stream).toList()),
                    confirm,
                    List.of(),
                    Reliability.ofSingleSamples(metrics),
                    Reliability.ofSingleSamples(metrics));
        }

        final List<Integer> restored = new ArrayList<>();

        @Override
        public Evaluation restore(int iteration, PromptFile candidate, List<String> patchTargets, Path directory) {
            restored.add(iteration);
            return evaluate(iteration, candidate, patchTargets, directory);
        }

        @Override
        public String inspect(String mode, int limit) {
            return "{\"mode\":\"" + mode + "\",\"traces\":[]}";
        }

        private static Metrics allErrored() {
            List<CaseOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                outcomes.add(CaseOutcome.errored());
            }
            return Metrics.of(outcomes);
        }

        private static Metrics metrics(int right) {
            List<CaseOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                outcomes.add(i < right ? CaseOutcome.passed(0.8) : CaseOutcome.failed(0.8));
            }
            return Metrics.of(outcomes);
        }
    }

    @Test
    void anOptimizerTurnWithNeitherTextNorACallStillBecomesANonEmptyAssistantMessage() {
        ChatResponse paused =
                new ChatResponse(null, List.of(), null, FinishReason.LENGTH, Usage.ZERO, List.of(), "claude", false);
        ChatResponse refused = new ChatResponse(
                null,
                List.of(),
                "I can't help with that.",
                FinishReason.CONTENT_FILTER,
                Usage.ZERO,
                List.of(),
                "c",
                false);

        assertThat(OptimizerTurns.spokenText(paused)).isEqualTo("(no text and no function call)");
        assertThat(OptimizerTurns.spokenText(refused)).isEqualTo("I can't help with that.");
    }
}
