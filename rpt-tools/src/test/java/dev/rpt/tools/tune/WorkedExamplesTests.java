package dev.rpt.tools.tune;

import static dev.rpt.tools.tune.ScriptedOptimizer.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.Role;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ModelSettings;
import dev.rpt.core.model.runtime.UsageLedger;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.prompt.PromptFile;
import dev.rpt.sim.SimProvider;
import dev.rpt.tools.diagnose.DeterministicAnalyzer;
import dev.rpt.tools.record.DecisionJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Worked examples: the optimizer chooses case ids, rpt writes the block, only optimization cases the latest candidate
 * answered correctly qualify, the block is exempt from the copy guard for its own cases only, and a case shown as an
 * example is left out of that candidate's scores. The target is the simulator (its numbers are not a model's).
 */
class WorkedExamplesTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SYSTEM = "You answer math questions. Give only the final answer, nothing else.";
    private static final String SEED = """
            ---
            input:
              schema:
                question: string
            ---
            {{role "system"}}
            %s
            {{role "user"}}
            Problem: {{question}}
            """.formatted(SYSTEM);

    @TempDir
    Path dir;

    @Test
    void theBlockIsRebuiltFromItsCasesAndRendersWithoutItsMarkers() {
        PromptFile seed = PromptFile.parse("math.prompt", SEED);
        WorkedExamples.Example one =
                new WorkedExamples.Example("q1", Map.of("question", "What is 2 + 3?"), "5", Optional.of("2 + 3 = 5."));
        WorkedExamples.Example two =
                new WorkedExamples.Example("q2", Map.of("question", "What is 4 + 4?"), "8", Optional.empty());

        String system = WorkedExamples.withExamples(SYSTEM, seed, List.of(one, two));
        PromptFile withExamples = seed.withSystem(system);

        assertThat(WorkedExamples.ids(withExamples)).containsExactly("q1", "q2");
        assertThat(WorkedExamples.strip(system)).isEqualTo(SYSTEM);
        assertThat(withExamples.render(Map.of("question", "What is 1 + 1?")).system())
                .isEqualTo(
                        SYSTEM + "\n\nWorked examples:\n\nProblem: What is 2 + 3?\nReasoning: 2 + 3 = 5.\nAnswer: 5\n\n"
                                + "Problem: What is 4 + 4?\nAnswer: 8\nEnd of worked examples.");
        // Replacing the examples replaces the block; none removes it.
        String replaced = WorkedExamples.withExamples(system, seed, List.of(two));
        assertThat(WorkedExamples.ids(replaced)).containsExactly("q2");
        assertThat(WorkedExamples.withExamples(replaced, seed, List.of())).isEqualTo(SYSTEM);
        assertThatThrownBy(() -> WorkedExamples.withExamples(
                        SYSTEM,
                        seed,
                        List.of(new WorkedExamples.Example(
                                "q3", Map.of("question", "Is {{x}} a variable?"), "yes", Optional.empty()))))
                .hasMessageContaining("case 'q3' cannot be an example");
    }

    @Test
    void theOptimizerShowsCorrectlyAnsweredOptimizationCasesAndTheyLeaveTheScores() throws IOException {
        RptConfig config = RptConfig.of(Map.of("rpt.provider", "sim", "rpt.sim.answers", "sim/gsm8k-sample.jsonl"));
        ChatModel sim = new SimProvider().create(ModelSettings.from(config), config, name -> null);
        Path promptFile = dir.resolve("math.prompt");
        Files.writeString(promptFile, SEED);
        ReflectiveDiagnosticFunction diagnostic = new ReflectiveDiagnosticFunction(
                new InProcessRunner(sim, InProcessRunner.rows()),
                "prompts/math.prompt",
                new DeterministicAnalyzer(),
                MetricBounds.NONE,
                MetricsOptions.DEFAULTS);
        String sections = "\"system\":" + JSON.valueToTree(SYSTEM) + ",\"user\":\"Problem: {{question}}\"";
        // The script's later turns depend on which cases list_examples offers.
        List<String> chosen = new ArrayList<>();
        ScriptedOptimizer optimizer = new ScriptedOptimizer() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                script.add(turn(requests.size() + 1, request, chosen, sections));
                return super.chat(request);
            }
        };
        UsageLedger ledger = UsageLedger.from(config);
        optimizer.ledger = ledger;
        List<String> progress = new ArrayList<>();

        TuneResult result = new Tuner(
                        TuneSettings.DEFAULTS, AdoptionPolicy.DEFAULTS, optimizer, diagnostic, ledger, progress::add)
                .tune(promptFile, MetricBounds.NONE, dir.resolve("record"));

        assertThat(chosen).hasSize(2);
        Evaluation withExamples = result.iterations().get(1);
        assertThat(WorkedExamples.ids(withExamples.candidate())).containsExactlyElementsOf(chosen);
        assertThat(withExamples.candidate().sectionText(Role.SYSTEM))
                .startsWith(SYSTEM)
                .contains(WorkedExamples.BEGIN)
                .contains("{{! rpt:example " + chosen.get(0) + " }}");
        // The two example cases are left out of that candidate's scores, and only of its scores.
        assertThat(result.iterations().get(0).tune().n()).isEqualTo(100);
        assertThat(withExamples.tune().n()).isEqualTo(98);
        assertThat(withExamples.holdout().n())
                .isEqualTo(result.iterations().get(0).holdout().n());
        assertThat(progress.get(1)).contains("2 worked examples");
        // The block quotes its own cases at length, and the copy guard let it through.
        assertThat(withExamples.candidate().sectionText(Role.SYSTEM)).contains("Problem: ");
        assertThat(dir.resolve("record/iteration-02/prompt.prompt"))
                .content()
                .contains("{{! rpt:example " + chosen.get(1) + " }}");
        DecisionJson decision = DecisionJson.read(dir.resolve("record/iteration-02/decision.json"));
        assertThat(decision.examples()).hasValue(List.of(chosen.get(0)));
        assertThat(result.iterations()).hasSize(3);
        assertThat(WorkedExamples.ids(result.iterations().get(2).candidate())).containsExactly(chosen.get(0));
        String rejections = String.join(
                "\n",
                optimizer.requests.stream()
                        .flatMap(r -> r.messages().stream())
                        .filter(m -> m.role() == Role.TOOL && m.toolError())
                        .map(ChatMessage::content)
                        .distinct()
                        .toList());
        assertThat(rejections)
                .contains("case 'q150' cannot be a worked example")
                .contains("case 'q0-typo' cannot be a worked example");
    }

    @Test
    void aPatchThatPastesACaseIntoThePromptIsRejectedBeforeItIsEvaluated() throws IOException {
        RptConfig config = RptConfig.of(Map.of("rpt.provider", "sim", "rpt.sim.answers", "sim/gsm8k-sample.jsonl"));
        ChatModel sim = new SimProvider().create(ModelSettings.from(config), config, name -> null);
        Path promptFile = dir.resolve("math.prompt");
        Files.writeString(promptFile, SEED);
        InProcessRunner.Row pasted = InProcessRunner.rows().get(5);
        String sections = "\"system\":" + JSON.valueToTree(SYSTEM) + ",\"user\":\"Problem: {{question}}\"";
        String pasting = "\"system\":"
                + JSON.valueToTree(SYSTEM + "\nFor example: " + pasted.question() + " Answer: " + pasted.answer())
                + ",\"user\":\"Problem: {{question}}\"";
        ScriptedOptimizer optimizer = new ScriptedOptimizer(
                call("evaluate_prompt", "{" + sections + ",\"examples\":null}"),
                call("evaluate_prompt", "{" + pasting + ",\"examples\":null}"),
                call("decide", "{\"decision\":\"STOP\",\"rationale\":\"-\",\"targets\":[],\"reason\":\"done\"}"));
        UsageLedger ledger = UsageLedger.from(config);
        optimizer.ledger = ledger;
        List<String> progress = new ArrayList<>();
        DiagnosticFunction diagnostic = new ReflectiveDiagnosticFunction(
                new InProcessRunner(sim, InProcessRunner.rows()),
                "prompts/math.prompt",
                new DeterministicAnalyzer(),
                MetricBounds.NONE,
                MetricsOptions.DEFAULTS);

        TuneResult result = new Tuner(
                        TuneSettings.DEFAULTS, AdoptionPolicy.DEFAULTS, optimizer, diagnostic, ledger, progress::add)
                .tune(promptFile, MetricBounds.NONE, dir.resolve("record"));

        assertThat(result.iterations()).hasSize(1);
        assertThat(progress)
                .anyMatch(line -> line.startsWith("Rejected a candidate that copies optimization case 'q5'"));
        ChatMessage rejection = optimizer.requests.get(2).messages().stream()
                .filter(m -> m.role() == Role.TOOL)
                .reduce((first, second) -> second)
                .orElseThrow();
        assertThat(rejection.toolError()).isTrue();
        assertThat(rejection.content())
                .startsWith("Rejected before evaluation: the candidate copies the text of optimization case 'q5'")
                .contains("pass its id as 'examples'");
        assertThat(Files.readString(promptFile)).isEqualTo(SEED);
    }

    /**
     * The optimizer's turns: evaluate the seed; list two examples; show them; try a held-out case and an unknown one
     * (both rejected); PATCH down to the first example; evaluate that; stop.
     */
    private static ChatResponse turn(int turn, ChatRequest request, List<String> chosen, String sections) {
        String evaluate = "{" + sections + ",\"examples\":";
        return switch (turn) {
            case 1 -> call("evaluate_prompt", evaluate + "null}");
            case 2 -> call("list_examples", "{\"limit\":2,\"offset\":0}");
            case 3 -> {
                String listed =
                        request.messages().get(request.messages().size() - 1).content();
                try {
                    JSON.readTree(listed)
                            .path("examples")
                            .forEach(example -> chosen.add(example.path("id").asText()));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                yield call("evaluate_prompt", evaluate + JSON.valueToTree(chosen) + "}");
            }
            case 4 -> call("evaluate_prompt", evaluate + "[\"q150\"]}");
            case 5 -> call("evaluate_prompt", evaluate + "[\"q0-typo\"]}");
            case 6 ->
                call(
                        "decide",
                        "{\"decision\":\"PATCH\",\"rationale\":\"fewer\",\"targets\":[],\"examples\":[\""
                                + chosen.get(0) + "\"]}");
            case 7 -> call("evaluate_prompt", evaluate + "[\"" + chosen.get(0) + "\"]}");
            default ->
                call("decide", "{\"decision\":\"STOP\",\"rationale\":\"done\",\"targets\":[],\"reason\":\"done\"}");
        };
    }
}
