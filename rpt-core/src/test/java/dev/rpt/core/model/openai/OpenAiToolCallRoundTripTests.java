package dev.rpt.core.model.openai;

import static dev.rpt.core.model.openai.OpenAiFixtures.ENVIRONMENT;
import static dev.rpt.core.model.openai.OpenAiFixtures.body;
import static dev.rpt.core.model.openai.OpenAiFixtures.ok;
import static dev.rpt.core.model.openai.OpenAiFixtures.settings;
import static dev.rpt.core.model.openai.OpenAiFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.api.ToolCall;
import dev.rpt.api.Usage;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.JsonSchema;
import dev.rpt.chat.ToolChoice;
import dev.rpt.chat.ToolDefinition;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiToolCallRoundTripTests {

    private static final ToolDefinition EVALUATE = new ToolDefinition(
            "evaluate_prompt",
            "Run the prompt tests and return a diagnostic report.",
            new JsonSchema("{\"type\": \"object\", \"properties\": {\"prompt\": {\"type\": \"string\"}},"
                    + " \"required\": [\"prompt\"], \"additionalProperties\": false}"),
            true);
    private static final ToolDefinition INSPECT = new ToolDefinition(
            "inspect_failures",
            "Show example traces of one failure mode.",
            new JsonSchema("{\"type\":\"object\",\"properties\":{\"mode\":{\"type\":\"string\"}}}"),
            false);

    private MockWebServer server;
    private ChatModel model;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        model = new OpenAiProvider().create(settings(server), ENVIRONMENT);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsToolsAndRepeatsTwoToolCallsWithTheirResults() throws Exception {
        server.enqueue(ok("two-tool-calls.json"));
        server.enqueue(ok("final-answer.json"));
        ChatRequest first = ChatRequest.builder()
                .system("You are the RPT controller.")
                .user("Evaluate the current prompt.")
                .tools(List.of(EVALUATE, INSPECT))
                .toolChoice(ToolChoice.AUTO)
                .parallelToolCalls(false)
                .temperature(0.0)
                .seed(7L)
                .maxTokens(512)
                .sampleIndex(3)
                .build();

        ChatResponse calls = model.chat(first);

        RecordedRequest request1 = server.takeRequest();
        assertThat(body(request1))
                .isEqualTo("{\"model\":\"gpt-4.1-mini\",\"messages\":["
                        + "{\"role\":\"system\",\"content\":\"You are the RPT controller.\"},"
                        + "{\"role\":\"user\",\"content\":\"Evaluate the current prompt.\"}],"
                        + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"evaluate_prompt\","
                        + "\"description\":\"Run the prompt tests and return a diagnostic report.\","
                        + "\"parameters\":{\"type\":\"object\",\"properties\":{\"prompt\":{\"type\":\"string\"}},"
                        + "\"required\":[\"prompt\"],\"additionalProperties\":false},\"strict\":true}},"
                        + "{\"type\":\"function\",\"function\":{\"name\":\"inspect_failures\","
                        + "\"description\":\"Show example traces of one failure mode.\","
                        + "\"parameters\":{\"type\":\"object\",\"properties\":{\"mode\":{\"type\":\"string\"}}},"
                        + "\"strict\":false}}],"
                        + "\"tool_choice\":\"auto\",\"parallel_tool_calls\":false,\"temperature\":0.0,\"seed\":7,"
                        + "\"max_completion_tokens\":512}");
        JsonNode sent1 = tree(request1);
        assertThat(sent1.get("tools").get(0).get("function").get("parameters").isObject())
                .isTrue();
        assertThat(sent1.has("sample_index")).isFalse();
        assertThat(sent1.has("response_format")).isFalse();
        assertThat(sent1.has("logprobs")).isFalse();

        assertThat(calls.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(calls.text()).isNull();
        assertThat(calls.toolCalls())
                .containsExactly(
                        new ToolCall("call_1", "evaluate_prompt", "{\"prompt\":\"Solve \\\"x\\\" step by step\"}"),
                        new ToolCall("call_2", "inspect_failures", "{\"mode\":\"off by one\"}"));
        assertThat(calls.usage()).isEqualTo(new Usage(812, 64, 876));
        assertThat(calls.model()).isEqualTo("gpt-4.1-mini-2025-04-14");

        ChatRequest second = first.toBuilder()
                .message(calls.toMessage())
                .message(ChatMessage.toolResult("call_1", "{\"metrics\":{\"n\":10}}"))
                .message(ChatMessage.toolError("call_2", "unknown failure mode: off by one"))
                .build();
        ChatResponse done = model.chat(second);

        JsonNode sent2 = tree(server.takeRequest());
        JsonNode messages = sent2.get("messages");
        assertThat(messages).hasSize(5);
        JsonNode assistant = messages.get(2);
        assertThat(assistant.get("role").asText()).isEqualTo("assistant");
        assertThat(assistant.has("content")).as("null content is left out").isFalse();
        JsonNode repeated = assistant.get("tool_calls");
        assertThat(repeated).hasSize(2);
        assertThat(repeated.get(0).get("id").asText()).isEqualTo("call_1");
        assertThat(repeated.get(0).get("type").asText()).isEqualTo("function");
        assertThat(repeated.get(0).get("function").get("name").asText()).isEqualTo("evaluate_prompt");
        assertThat(repeated.get(0).get("function").get("arguments").isTextual()).isTrue();
        assertThat(repeated.get(0).get("function").get("arguments").asText())
                .isEqualTo("{\"prompt\":\"Solve \\\"x\\\" step by step\"}");
        assertThat(repeated.get(1).get("id").asText()).isEqualTo("call_2");
        assertThat(repeated.get(1).get("function").get("name").asText()).isEqualTo("inspect_failures");
        assertThat(repeated.get(1).get("function").get("arguments").asText()).isEqualTo("{\"mode\":\"off by one\"}");
        assertThat(messages.get(3))
                .isEqualTo(
                        tree(
                                "{\"role\":\"tool\",\"content\":\"{\\\"metrics\\\":{\\\"n\\\":10}}\",\"tool_call_id\":\"call_1\"}"));
        assertThat(messages.get(4))
                .isEqualTo(
                        tree(
                                "{\"role\":\"tool\",\"content\":\"unknown failure mode: off by one\",\"tool_call_id\":\"call_2\"}"));
        assertThat(sent2.get("tools")).isEqualTo(tree(body(request1)).get("tools"));
        assertThat(sent2.get("tool_choice").asText()).isEqualTo("auto");

        assertThat(done.text()).isEqualTo("STOP: the prompt passes.");
        assertThat(done.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(done.toolCalls()).isEmpty();
    }

    @Test
    void namesAForcedFunctionAsAnObject() throws Exception {
        server.enqueue(ok("two-tool-calls.json"));
        model.chat(ChatRequest.builder()
                .user("Evaluate.")
                .tools(List.of(EVALUATE))
                .toolChoice(ToolChoice.function("evaluate_prompt"))
                .build());

        assertThat(tree(server.takeRequest()).get("tool_choice"))
                .isEqualTo(tree("{\"type\":\"function\",\"function\":{\"name\":\"evaluate_prompt\"}}"));
    }

    @Test
    void sendsNoneAndRequiredAsStrings() throws Exception {
        server.enqueue(ok("final-answer.json"));
        server.enqueue(ok("final-answer.json"));
        ChatRequest.Builder base = ChatRequest.builder().user("Evaluate.").tools(List.of(EVALUATE));

        model.chat(base.toolChoice(ToolChoice.NONE).build());
        model.chat(base.toolChoice(ToolChoice.REQUIRED).build());

        assertThat(tree(server.takeRequest()).get("tool_choice").asText()).isEqualTo("none");
        assertThat(tree(server.takeRequest()).get("tool_choice").asText()).isEqualTo("required");
    }
}
