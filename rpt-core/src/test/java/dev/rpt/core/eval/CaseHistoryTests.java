package dev.rpt.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.api.ToolCall;
import dev.rpt.api.Usage;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.Role;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.prompt.PromptFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A case that starts mid-conversation: its earlier turns go between the system section and the user section. */
class CaseHistoryTests {

    private static final String HISTORY = "[{\"role\": \"user\", \"content\": \"Where is order A1?\"},"
            + " {\"role\": \"assistant\", \"tool_calls\": [{\"id\": \"c1\", \"name\": \"lookup_order\","
            + " \"arguments\": {\"order_id\": \"A1\"}}]},"
            + " {\"role\": \"tool\", \"tool_call_id\": \"c1\", \"content\": {\"status\": \"shipped\"}},"
            + " {\"role\": \"assistant\", \"content\": \"It has shipped.\"}]";

    @Test
    void theTurnsBecomeMessagesWithTheirToolCallsAndResults() {
        List<ChatMessage> turns = CaseHistory.of(Map.of(CaseHistory.VARIABLE, HISTORY));

        assertThat(turns)
                .extracting(ChatMessage::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT);
        assertThat(turns.get(1).toolCalls())
                .containsExactly(new ToolCall("c1", "lookup_order", "{\"order_id\":\"A1\"}"));
        assertThat(turns.get(2).toolCallId()).isEqualTo("c1");
        assertThat(turns.get(2).content()).isEqualTo("{\"status\":\"shipped\"}");
        assertThat(CaseHistory.of(Map.of("message", "hi"))).isEmpty();
    }

    @Test
    void aBadTurnIsOneErrorNamingTheTurnAndTheShape() {
        assertThatThrownBy(() -> CaseHistory.of(Map.of(CaseHistory.VARIABLE, "[{\"role\": \"customer\"}]")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "The case's history, turn 1: role must be user, assistant or tool, got" + " 'customer'.")
                .hasMessageContaining("Write a JSON list of turns");
        assertThatThrownBy(() ->
                        CaseHistory.of(Map.of(CaseHistory.VARIABLE, "[{\"role\": \"tool\", \"content\": \"x\"}]")))
                .hasMessageStartingWith("The case's history, turn 1: a tool turn needs the tool_call_id it answers.");
        assertThatThrownBy(() -> CaseHistory.of(Map.of(CaseHistory.VARIABLE, "{\"role\": \"user\"}")))
                .hasMessageStartingWith("The case's history must be a list of turns.");
    }

    @Test
    void theRequestPutsTheHistoryBetweenTheSystemAndTheUserSection() {
        List<ChatRequest> sent = new ArrayList<>();
        ChatModel model = new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                sent.add(request);
                return new ChatResponse(
                        "Done.", List.of(), null, FinishReason.STOP, Usage.of(1, 1), List.of(), "m", false);
            }

            @Override
            public ModelInfo info() {
                return new ModelInfo("test", "m", true);
            }
        };
        PromptFile prompt = PromptFile.parse(
                "p.prompt",
                "---\noutput:\n  format: text\n---\n{{role \"system\"}}\nHelp.\n{{role \"user\"}}\n{{message}}\n");

        new PromptEvaluator(model, EvaluationSettings.DEFAULTS)
                .evaluate(prompt, Map.of("message", "Refund it, please.", CaseHistory.VARIABLE, HISTORY));

        assertThat(sent.get(0).messages())
                .extracting(ChatMessage::role)
                .containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT, Role.USER);
        assertThat(sent.get(0).messages().get(5).content()).isEqualTo("Refund it, please.");
    }
}
