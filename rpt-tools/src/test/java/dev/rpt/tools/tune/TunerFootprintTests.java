package dev.rpt.tools.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.api.ToolCall;
import dev.rpt.api.Usage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.Role;
import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.runtime.UsageLedger;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.prompt.PromptFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tune in a project directory changes the prompt file and target/ only: every other file is left as it was. */
class TunerFootprintTests {

    private static final String SEED = "---\ninput:\n  schema:\n    question: string\n---\n{{role \"system\"}}\n"
            + "Solve it.\n{{role \"user\"}}\n{{question}}\n";

    @TempDir
    Path project;

    @Test
    void aTuneWritesOnlyThePromptFileOutsideTarget() throws IOException {
        Path prompt = Files.createDirectories(project.resolve("src/test/resources/prompts"))
                .resolve("solver.prompt");
        Files.writeString(prompt, SEED);
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Files.writeString(
                Files.createDirectories(project.resolve("src/test/resources/cases"))
                        .resolve("cases.jsonl"),
                "{\"question\":\"1+1\"}\n");
        Files.writeString(prompt.resolveSibling("other.prompt"), SEED);
        Map<Path, String> before = snapshot();
        UsageLedger ledger = UsageLedger.from(RptConfig.of(Map.of()));
        ChatModel optimizer = new Scripted(
                ledger,
                call("evaluate_prompt", "{\"system\":\"Solve it.\",\"user\":\"{{question}}\"}"),
                call("evaluate_prompt", "{\"system\":\"Solve it step by step.\",\"user\":\"{{question}}\"}"),
                call("decide", "{\"decision\":\"STOP\",\"rationale\":\"r\",\"targets\":[]}"));
        DiagnosticFunction diagnostic = new DiagnosticFunction() {
            @Override
            public Evaluation evaluate(int iteration, PromptFile candidate, List<String> targets, Path directory)
                    throws IOException {
                // A real diagnostic function writes its run under the iteration's directory, inside target/.
                Files.writeString(directory.resolve("candidate.prompt"), candidate.text());
                Metrics metrics = metrics(candidate.sectionText(Role.SYSTEM).contains("step") ? 9 : 5);
                return new Evaluation(iteration, candidate, "{}", metrics, metrics, List.of());
            }

            @Override
            public String inspect(String mode, int limit) {
                return "{}";
            }
        };

        // This fake has no confirmation cases: adopt=always lets the best candidate be written all the same.
        AdoptionPolicy always = new AdoptionPolicy(0.5, 0.02, 0.05, true);
        TuneResult result = new Tuner(TuneSettings.DEFAULTS, always, optimizer, diagnostic, ledger, line -> {})
                .tune(prompt, MetricBounds.NONE, project.resolve("target/rpt/tune/t1"));

        assertThat(result.written()).isTrue();
        Map<Path, String> after = snapshot();
        Path relativePrompt = project.relativize(prompt);
        assertThat(after.get(relativePrompt)).contains("step by step");
        after.remove(relativePrompt);
        before.remove(relativePrompt);
        assertThat(after)
                .as("every file outside target/ but the prompt, unchanged")
                .isEqualTo(before);
    }

    private Map<Path, String> snapshot() throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(project)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path relative = project.relativize(file);
                if (!relative.startsWith("target")) {
                    files.put(relative, Files.readString(file));
                }
            }
        }
        return files;
    }

    private static Metrics metrics(int right) {
        List<CaseOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            outcomes.add(i < right ? CaseOutcome.passed(0.8) : CaseOutcome.failed(0.8));
        }
        return Metrics.of(outcomes);
    }

    private static ChatResponse call(String name, String arguments) {
        return new ChatResponse(
                null,
                List.of(new ToolCall("call_" + name + arguments.hashCode(), name, arguments)),
                null,
                FinishReason.TOOL_CALLS,
                Usage.of(100, 20),
                List.of(),
                "opt",
                false);
    }

    private static final class Scripted implements ChatModel {
        private final Deque<ChatResponse> script;
        private final UsageLedger ledger;

        Scripted(UsageLedger ledger, ChatResponse... responses) {
            this.ledger = ledger;
            this.script = new ArrayDeque<>(List.of(responses));
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            ChatResponse response = script.poll();
            if (response == null) {
                throw new AssertionError("the optimizer script ran out");
            }
            ledger.recordResponse(info(), response);
            return response;
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("fake", "opt", false);
        }
    }
}
