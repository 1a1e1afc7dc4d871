package dev.rpt.core.model.anthropic;

import static dev.rpt.core.model.anthropic.AnthropicServer.body;
import static dev.rpt.core.model.anthropic.AnthropicServer.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.api.Answer;
import dev.rpt.api.Step;
import dev.rpt.core.eval.EvaluationSettings;
import dev.rpt.core.eval.PromptEvaluator;
import dev.rpt.core.model.ChatModel;
import dev.rpt.prompt.PromptFile;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A case whose tools are stubbed, run to its end over Anthropic's Messages API: two parallel tool_use blocks in one
 * turn, both answered from the stubs in one user turn of tool_result blocks, then the final reply (shapes as
 * anthropic-sdk-python 009b035 types/tool_use_block.py and types/tool_result_block_param.py).
 */
class AnthropicStubbedToolRunTests {

    private static final String PROMPT = """
            ---
            input:
              schema:
                message: string
            tools:
              - name: lookup_order
                description: Look an order up by its id.
                input:
                  order_id: string
            ---
            {{role "system"}}
            You help customers with their orders.
            {{role "user"}}
            {{message}}
            """;

    private final AnthropicServer server = new AnthropicServer();
    private final ChatModel model = server.model();

    @AfterEach
    void close() {
        model.close();
        server.close();
    }

    @Test
    void parallelCallsAreAnsweredFromTheStubsInOneTurnAndTheRunEndsInTheReply() {
        server.enqueue(200, """
                {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5-20250929",
                 "content": [{"type": "tool_use", "id": "toolu_a", "name": "lookup_order", "input": {"order_id": "A1"}},
                             {"type": "tool_use", "id": "toolu_b", "name": "lookup_order", "input": {"order_id": "B2"}}],
                 "stop_reason": "tool_use", "stop_sequence": null, "usage": {"input_tokens": 120, "output_tokens": 40}}
                """);
        server.enqueue(200, """
                {"id": "msg_2", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5-20250929",
                 "content": [{"type": "text", "text": "A1 has shipped; B2 was delivered."}],
                 "stop_reason": "end_turn", "stop_sequence": null, "usage": {"input_tokens": 200, "output_tokens": 12}}
                """);
        Map<String, String> variables = Map.of(
                "message",
                "Where are my orders A1 and B2?",
                "tool-results",
                "{\"lookup_order\": [{\"arguments\": {\"order_id\": \"A1\"}, \"result\": {\"status\": \"shipped\"}},"
                        + " {\"arguments\": {\"order_id\": \"B2\"}, \"result\": {\"status\": \"delivered\"}}]}");

        Answer answer = new PromptEvaluator(model, EvaluationSettings.DEFAULTS)
                .evaluate(PromptFile.parse("orders.prompt", PROMPT), variables);

        assertThat(answer.text()).isEqualTo("A1 has shipped; B2 was delivered.");
        assertThat(answer.steps()).hasSize(2);
        Step first = answer.steps().get(0);
        assertThat(first.toolCalls()).extracting(call -> call.id()).containsExactly("toolu_a", "toolu_b");
        assertThat(first.results())
                .extracting(result -> result.content())
                .containsExactly("{\"status\":\"shipped\"}", "{\"status\":\"delivered\"}");
        body(server.take());
        JsonNode second = tree(body(server.take()));
        JsonNode results = second.path("messages").get(2);
        assertThat(results.path("role").asText())
                .as("both results in one user turn")
                .isEqualTo("user");
        assertThat(results.path("content")).hasSize(2);
        assertThat(results.at("/content/0/type").asText()).isEqualTo("tool_result");
        assertThat(results.at("/content/0/tool_use_id").asText()).isEqualTo("toolu_a");
        assertThat(results.at("/content/1/tool_use_id").asText()).isEqualTo("toolu_b");
        assertThat(results.at("/content/1/content").asText()).isEqualTo("{\"status\":\"delivered\"}");
        assertThat(answer.usage().totalTokens()).isEqualTo(372);
    }
}
