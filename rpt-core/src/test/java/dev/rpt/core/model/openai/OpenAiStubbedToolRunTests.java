package dev.rpt.core.model.openai;

import static dev.rpt.core.model.openai.OpenAiFixtures.ENVIRONMENT;
import static dev.rpt.core.model.openai.OpenAiFixtures.body;
import static dev.rpt.core.model.openai.OpenAiFixtures.settings;
import static dev.rpt.core.model.openai.OpenAiFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.api.Answer;
import dev.rpt.core.eval.EvaluationSettings;
import dev.rpt.core.eval.PromptEvaluator;
import dev.rpt.core.model.ChatModel;
import dev.rpt.prompt.PromptFile;
import java.io.IOException;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A case whose tools are stubbed, run to its end over Chat Completions: two parallel tool calls in one assistant
 * message, each answered by its own tool message from the stubs, then the final reply (shapes as openai-python
 * e43b422 types/chat/chat_completion_message_tool_call.py and chat_completion_tool_message_param.py).
 */
class OpenAiStubbedToolRunTests {

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

    private MockWebServer server;
    private ChatModel model;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        model = new OpenAiProvider().create(settings(server), ENVIRONMENT);
    }

    @AfterEach
    void stop() {
        model.close();
        server.close();
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder()
                .code(200)
                .setHeader("content-type", "application/json")
                .body(body)
                .build();
    }

    @Test
    void parallelCallsAreAnsweredFromTheStubsAndTheRunEndsInTheReply() throws InterruptedException {
        server.enqueue(json("""
                {"id": "chatcmpl-1", "object": "chat.completion", "created": 1765100000, "model": "gpt-4.1-mini",
                 "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant", "content": null,
                   "tool_calls": [
                     {"id": "call_a", "type": "function", "function": {"name": "lookup_order", "arguments": "{\\"order_id\\":\\"A1\\"}"}},
                     {"id": "call_b", "type": "function", "function": {"name": "lookup_order", "arguments": "{\\"order_id\\":\\"C3\\"}"}}]}}],
                 "usage": {"prompt_tokens": 100, "completion_tokens": 30, "total_tokens": 130}}
                """));
        server.enqueue(json("""
                {"id": "chatcmpl-2", "object": "chat.completion", "created": 1765100001, "model": "gpt-4.1-mini",
                 "choices": [{"index": 0, "finish_reason": "stop",
                   "message": {"role": "assistant", "content": "A1 has shipped; I could not find C3."}}],
                 "usage": {"prompt_tokens": 180, "completion_tokens": 12, "total_tokens": 192}}
                """));
        Map<String, String> variables = Map.of(
                "message",
                "Where are my orders A1 and C3?",
                "tool-results",
                "{\"lookup_order\": [{\"arguments\": {\"order_id\": \"A1\"}, \"result\": {\"status\": \"shipped\"}}]}");

        Answer answer = new PromptEvaluator(model, EvaluationSettings.DEFAULTS)
                .evaluate(PromptFile.parse("orders.prompt", PROMPT), variables);

        assertThat(answer.text()).isEqualTo("A1 has shipped; I could not find C3.");
        assertThat(answer.steps()).hasSize(2);
        assertThat(answer.steps().get(0).results())
                .extracting(result -> result.error())
                .as("C3 has no stub: an error result the model sees")
                .containsExactly(false, true);
        body(server.takeRequest());
        JsonNode messages = tree(body(server.takeRequest())).path("messages");
        assertThat(messages.get(2).path("tool_calls")).hasSize(2);
        assertThat(messages.get(3).path("role").asText()).isEqualTo("tool");
        assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo("call_a");
        assertThat(messages.get(3).path("content").asText()).isEqualTo("{\"status\":\"shipped\"}");
        assertThat(messages.get(4).path("tool_call_id").asText()).isEqualTo("call_b");
        assertThat(messages.get(4).path("content").asText())
                .startsWith("rpt: no stubbed result for lookup_order with the arguments {\"order_id\":\"C3\"}");
    }
}
