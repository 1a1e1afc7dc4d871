package dev.rpt.tools.tune;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.api.ToolCall;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.Role;
import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.prompt.PromptFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code decide} and the unknown function: what they answer in the conversation, and when the tune stops. */
class DecideHandlerTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PromptFile SEED = PromptFile.parse("p.prompt", "{{role \"user\"}}\n{{q}}\n");
    private static final ToolCall CALL = new ToolCall("c1", "decide", "{}");
    private static final Metrics METRICS = Metrics.of(List.of(CaseOutcome.passed(0.8)));

    @TempDir
    Path dir;

    private final DecideHandler decide = new DecideHandler(null);

    @Test
    void decidingBeforeAnyEvaluationOrWithAnUnknownDecisionIsAToolError() throws Exception {
        TuneState state = state();

        decide.handle(CALL, JSON.readTree("{\"decision\": \"STOP\", \"reason\": \"done\"}"), state);
        state.evaluations.add(new Evaluation(1, SEED, "{}", METRICS, METRICS, List.of()));
        decide.handle(CALL, JSON.readTree("{\"decision\": \"MAYBE\"}"), state);

        assertThat(toolMessages(state))
                .containsExactly(
                        "Evaluate before deciding: call evaluate_prompt first.",
                        "decision must be PATCH or STOP, got 'MAYBE'.");
        assertThat(state.stopped()).isFalse();
    }

    @Test
    void stopEndsTheTuneWithTheOptimizersReasonAndAnUnknownFunctionIsNamed() throws Exception {
        TuneState state = state();
        state.evaluations.add(new Evaluation(1, SEED, "{}", METRICS, METRICS, List.of()));

        decide.handle(CALL, JSON.readTree("{\"decision\": \"stop\", \"reason\": \"the goals are met\"}"), state);
        ToolHandler.UNKNOWN.handle(new ToolCall("c2", "rewrite_everything", "{}"), JSON.readTree("{}"), state);

        assertThat(state.stopReason()).isEqualTo("the optimizer stopped: the goals are met");
        assertThat(toolMessages(state))
                .containsExactly(
                        "Stopped.",
                        "Unknown function rewrite_everything. Use evaluate_prompt, inspect_failures or decide.");
    }

    private TuneState state() throws Exception {
        return new TuneState(
                SEED,
                MetricBounds.NONE,
                TuneRecorder.create(dir.resolve("record")),
                new Conversation(TuneSettings.DEFAULTS.memory(), TuneSettings.DEFAULTS.memoryK()));
    }

    private static List<String> toolMessages(TuneState state) {
        return state.conversation.messages().stream()
                .filter(m -> m.role() == Role.TOOL)
                .map(ChatMessage::content)
                .toList();
    }
}
