package dev.rpt.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.api.ConfidenceMode;
import dev.rpt.api.ToolCall;
import dev.rpt.api.Usage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.JsonSchema;
import dev.rpt.chat.Role;
import dev.rpt.chat.ToolDefinition;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.prompt.PromptFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A case's stubbed tool results, and the run that answers the model's calls with them up to the step limit. */
class ToolStubsTests {

    private static ToolCall call(String name, String arguments) {
        return new ToolCall("c-" + name, name, arguments);
    }

    @Test
    void stubsByToolMatchTheirArgumentsInOrderAndAPlainValueAnswersEveryCall() {
        ToolStubs stubs = ToolStubs.of(Map.of(
                        ToolStubs.VARIABLE,
                        "{\"lookup_order\": [{\"arguments\": {\"order_id\": \"A1\"}, \"result\": {\"status\": \"shipped\"}},"
                                + " {\"result\": \"no such order\"}], \"refund\": \"refunded\"}"))
                .orElseThrow();

        assertThat(stubs.answer(call("lookup_order", "{\"order_id\":\"A1\",\"verbose\":true}")))
                .isEqualTo(new ToolStubs.Result("{\"status\":\"shipped\"}", false));
        assertThat(stubs.answer(call("lookup_order", "{\"order_id\":\"Z9\"}")))
                .isEqualTo(new ToolStubs.Result("no such order", false));
        assertThat(stubs.answer(call("refund", "{\"amount\":5}"))).isEqualTo(new ToolStubs.Result("refunded", false));
        assertThat(stubs.answer(call("escalate", "{}")))
                .isEqualTo(new ToolStubs.Result(
                        "rpt: no stubbed result for escalate with the arguments {} (add one to the case's"
                                + " tool-results)",
                        true));
    }

    @Test
    void aListIsAScriptInCallOrder() {
        ToolStubs script = ToolStubs.of(Map.of(ToolStubs.VARIABLE, "[{\"status\": \"shipped\"}, \"refunded\"]"))
                .orElseThrow();

        assertThat(script.answer(call("lookup_order", "{}")).content()).isEqualTo("{\"status\":\"shipped\"}");
        assertThat(script.answer(call("refund", "{}")).content()).isEqualTo("refunded");
        assertThat(script.answer(call("refund", "{}")).error()).isTrue();
    }

    @Test
    void aCaseWithoutStubsHasNoneAndBadStubsSayWhatToWrite() {
        assertThat(ToolStubs.of(Map.of("message", "hi"))).isEmpty();
        assertThatThrownBy(() -> ToolStubs.of(Map.of(ToolStubs.VARIABLE, "{lookup_order: 1}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The case's tool-results is not JSON")
                .hasMessageContaining("Write an object by tool name");
        assertThatThrownBy(() -> ToolStubs.of(Map.of(ToolStubs.VARIABLE, "\"shipped\"")))
                .hasMessageContaining("must be an object by tool name or a list of results in call order");
    }

    @Test
    void consistencyConfidenceRefusesAStubbedCaseInsteadOfDroppingItsStubs() {
        PromptFile prompt = PromptFile.parse(
                "p.prompt",
                "---\ntools:\n  - name: lookup_order\n    description: Look it up.\n    input:\n      order_id: string\n"
                        + "---\n{{message}}\n");
        ChatModel untouched = new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                throw new AssertionError("nothing is sent");
            }

            @Override
            public ModelInfo info() {
                return new ModelInfo("test", "m", true);
            }
        };
        PromptEvaluator evaluator = new PromptEvaluator(
                untouched, EvaluationSettings.DEFAULTS.withConfidence(ConfidenceMode.CONSISTENCY, 3));

        assertThatThrownBy(() -> evaluator.evaluate(
                        prompt,
                        Map.of("message", "Where is A1?", ToolStubs.VARIABLE, "{\"lookup_order\": \"shipped\"}")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.confidence=consistency does not run a case whose tools are stubbed");
    }

    @Test
    void theRunStopsAtTheStepLimitOnATurnThatStillCallsTools() {
        // A model that calls lookup_order on every turn, whatever it is told.
        List<ChatRequest> seen = new ArrayList<>();
        ChatModel looping = new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                seen.add(request);
                return new ChatResponse(
                        null,
                        List.of(call("lookup_order", "{\"order_id\":\"A1\"}")),
                        null,
                        FinishReason.TOOL_CALLS,
                        Usage.of(10, 2),
                        List.of(),
                        "m",
                        false);
            }

            @Override
            public ModelInfo info() {
                return new ModelInfo("test", "m", true);
            }
        };
        ChatRequest first = ChatRequest.builder()
                .user("Where is A1?")
                .tools(List.of(new ToolDefinition(
                        "lookup_order", "Look it up.", new JsonSchema("{\"type\":\"object\"}"), false)))
                .build();
        ToolStubs stubs = ToolStubs.of(Map.of(ToolStubs.VARIABLE, "{\"lookup_order\": \"shipped\"}"))
                .orElseThrow();

        ToolRun run = ToolRun.of(looping, first, looping.chat(first), stubs, 3);

        assertThat(run.steps()).hasSize(3);
        assertThat(run.steps().get(0).results()).singleElement().satisfies(result -> {
            assertThat(result.name()).isEqualTo("lookup_order");
            assertThat(result.content()).isEqualTo("shipped");
            assertThat(result.error()).isFalse();
        });
        assertThat(run.steps().get(2).toolCalls())
                .as("the turn at the step limit keeps its calls, which got no results")
                .hasSize(1);
        assertThat(run.steps().get(2).results()).isEmpty();
        assertThat(run.calls()).hasSize(3);
        assertThat(run.usage()).isEqualTo(Usage.of(30, 6));
        assertThat(seen).hasSize(3);
        List<Role> roles = seen.get(2).messages().stream().map(m -> m.role()).toList();
        assertThat(roles).containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT, Role.TOOL);
    }
}
