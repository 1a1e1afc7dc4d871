package dev.rpt.core.model.anthropic;

import static dev.rpt.core.model.anthropic.AnthropicServer.body;
import static dev.rpt.core.model.anthropic.AnthropicServer.resource;
import static dev.rpt.core.model.anthropic.AnthropicServer.tree;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnthropicToolUseRoundTripTests {

    private final AnthropicServer server = new AnthropicServer();
    private final ChatModel model = server.model();

    @AfterEach
    void close() {
        model.close();
        server.close();
    }

    static final List<ToolDefinition> TOOLS = List.of(
            new ToolDefinition(
                    "evaluate_prompt",
                    "Run the prompt tests and return a diagnostic report.",
                    new JsonSchema("{\"type\": \"object\", \"properties\": {\"prompt\": {\"type\": \"string\"}},"
                            + " \"required\": [\"prompt\"]}"),
                    true),
            new ToolDefinition(
                    "inspect_failures",
                    "Show example traces of one failure mode.",
                    new JsonSchema("{\"type\":\"object\",\"properties\":{\"mode\":{\"type\":\"string\"},"
                            + "\"limit\":{\"type\":\"integer\"}},\"required\":[\"mode\"]}"),
                    false));

    @Test
    void toolCallsGoOutAsToolUseBlocksAndResultsComeBackInOneUserTurn() {
        ChatRequest first = ChatRequest.builder()
                .system("You are the RPT controller.")
                .user("Evaluate the current prompt.")
                .tools(TOOLS)
                .toolChoice(ToolChoice.AUTO)
                .temperature(0.0)
                .maxTokens(512)
                .seed(7L)
                .build();
        server.enqueueResource("tool-use-response.json");

        ChatResponse reply = model.chat(first);

        String firstBody = body(server.take());
        assertThat(firstBody).isEqualTo(resource("tool-use-request-1.json"));
        JsonNode sent = tree(firstBody);
        assertThat(sent.path("system").asText()).isEqualTo("You are the RPT controller.");
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(512);
        assertThat(sent.has("seed")).as("Anthropic has no seed").isFalse();
        assertThat(sent.path("tool_choice")).isEqualTo(tree("{\"type\":\"auto\"}"));
        assertThat(sent.path("tools")
                        .get(0)
                        .path("input_schema")
                        .path("required")
                        .get(0)
                        .asText())
                .isEqualTo("prompt");
        // Strict by default, its object closed (anthropic-sdk-python types/tool_param.py: strict; the SDK's own request
        // test sends "strict": True on a custom tool).
        assertThat(sent.path("tools").get(0).path("strict").asBoolean()).isTrue();

        assertThat(reply.text()).isEqualTo("Let me evaluate it and look at the failures.");
        assertThat(reply.toolCalls())
                .containsExactly(
                        new ToolCall("toolu_01", "evaluate_prompt", "{\"prompt\":\"Solve step by step.\"}"),
                        new ToolCall("toolu_02", "inspect_failures", "{\"mode\":\"arithmetic slip\",\"limit\":3}"));
        assertThat(reply.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(reply.usage()).isEqualTo(Usage.of(900, 70));
        assertThat(reply.model()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(reply.logprobs()).isEmpty();

        ChatRequest second = first.toBuilder()
                .message(reply.toMessage())
                .message(ChatMessage.toolResult("toolu_01", "{\"metrics\":{\"n\":10,\"exact_match\":0.7}}"))
                .message(ChatMessage.toolError("toolu_02", "Unknown failure mode: arithmetic slip"))
                .build();
        server.enqueueResource("text-response.json");

        model.chat(second);

        String secondBody = body(server.take());
        assertThat(secondBody).isEqualTo(resource("tool-use-request-2.json"));
        JsonNode messages = tree(secondBody).path("messages");
        assertThat(messages).hasSize(3);

        JsonNode assistant = messages.get(1);
        assertThat(assistant.path("role").asText()).isEqualTo("assistant");
        JsonNode blocks = assistant.path("content");
        assertThat(blocks).hasSize(3);
        assertThat(blocks.get(0).path("type").asText()).isEqualTo("text");
        assertThat(blocks.get(0).path("text").asText()).isEqualTo("Let me evaluate it and look at the failures.");
        assertThat(blocks.get(1).path("type").asText()).isEqualTo("tool_use");
        assertThat(blocks.get(1).path("id").asText()).isEqualTo("toolu_01");
        assertThat(blocks.get(1).path("name").asText()).isEqualTo("evaluate_prompt");
        assertThat(blocks.get(1).path("input").isObject())
                .as("input is an object, not a string")
                .isTrue();
        assertThat(blocks.get(1).path("input")).isEqualTo(tree("{\"prompt\":\"Solve step by step.\"}"));
        assertThat(blocks.get(2).path("id").asText()).isEqualTo("toolu_02");
        assertThat(blocks.get(2).path("input").path("limit").isInt()).isTrue();
        assertThat(blocks.get(2).path("input")).isEqualTo(tree("{\"mode\":\"arithmetic slip\",\"limit\":3}"));

        JsonNode results = messages.get(2);
        assertThat(results.path("role").asText()).isEqualTo("user");
        assertThat(results.path("content")).hasSize(2);
        JsonNode ok = results.path("content").get(0);
        assertThat(ok.path("type").asText()).isEqualTo("tool_result");
        assertThat(ok.path("tool_use_id").asText()).isEqualTo("toolu_01");
        assertThat(ok.path("content").asText()).isEqualTo("{\"metrics\":{\"n\":10,\"exact_match\":0.7}}");
        assertThat(ok.has("is_error")).isFalse();
        JsonNode failed = results.path("content").get(1);
        assertThat(failed.path("tool_use_id").asText()).isEqualTo("toolu_02");
        assertThat(failed.path("content").asText()).isEqualTo("Unknown failure mode: arithmetic slip");
        assertThat(failed.path("is_error").isBoolean()).isTrue();
        assertThat(failed.path("is_error").asBoolean()).isTrue();
    }
}
