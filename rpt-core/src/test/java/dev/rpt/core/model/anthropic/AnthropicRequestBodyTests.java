package dev.rpt.core.model.anthropic;

import static dev.rpt.core.model.anthropic.AnthropicServer.body;
import static dev.rpt.core.model.anthropic.AnthropicServer.resource;
import static dev.rpt.core.model.anthropic.AnthropicServer.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.api.ToolCall;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.JsonSchema;
import dev.rpt.chat.ResponseFormat;
import dev.rpt.chat.ToolChoice;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnthropicRequestBodyTests {

    private static final ResponseFormat TARGET_ANSWER = new ResponseFormat(
            "target_answer",
            new JsonSchema("{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"string\"},"
                    + "\"confidence\":{\"type\":\"number\"},\"justification\":{\"type\":\"string\"}},"
                    + "\"required\":[\"answer\",\"confidence\",\"justification\"]}"),
            true);

    private final AnthropicServer server = new AnthropicServer();
    private final ChatModel model = server.model();
    private final ChatModel toolFormat = new AnthropicProvider()
            .create(
                    server.settings(),
                    RptConfig.of(Map.of("rpt.anthropic.structured-output", "tool")),
                    name -> name.equals("ANTHROPIC_API_KEY") ? AnthropicServer.FAKE_KEY : null);

    @AfterEach
    void close() {
        server.close();
    }

    private JsonNode send(ChatRequest request) {
        server.enqueueResource("text-response.json");
        model.chat(request);
        return tree(body(server.take()));
    }

    @Test
    void structuredOutputIsTheNativeOutputConfigFormatWithEveryObjectClosed() {
        // Shapes: anthropic-sdk-python types/output_config_param.py and json_output_format_param.py; objects closed as
        // its lib/_parse/_transform.py closes them for structured output.
        server.enqueueResource("native-structured-response.json");
        ChatRequest request = ChatRequest.builder()
                .user("What is 9 + 9?")
                .responseFormat(new ResponseFormat(
                        "target_answer",
                        new JsonSchema("{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"string\"},"
                                + "\"confidence\":{\"type\":\"number\"},\"justification\":{\"type\":\"string\"}},"
                                + "\"required\":[\"answer\",\"confidence\",\"justification\"]}"),
                        true))
                .temperature(0.0)
                .build();

        ChatResponse reply = model.chat(request);

        assertThat(body(server.take())).isEqualTo(resource("native-structured-request.json"));
        assertThat(reply.text()).isEqualTo("{\"answer\":\"18\",\"confidence\":0.9,\"justification\":\"9 + 9 = 18\"}");
        assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void structuredOutputIsAForcedToolWhoseInputBecomesTheTextWhenAskedFor() {
        server.enqueueResource("structured-response.json");
        ChatRequest request = ChatRequest.builder()
                .user("What is 9 + 9?")
                .responseFormat(TARGET_ANSWER)
                .temperature(0.0)
                .logprobs(true, 5)
                .build();

        ChatResponse reply = toolFormat.chat(request);

        String sent = body(server.take());
        assertThat(sent).isEqualTo(resource("structured-request.json"));
        JsonNode json = tree(sent);
        assertThat(json.path("tools")).hasSize(1);
        assertThat(json.path("tools").get(0).path("name").asText()).isEqualTo("target_answer");
        assertThat(json.path("tools").get(0).path("strict").asBoolean()).isTrue();
        assertThat(json.path("tool_choice")).isEqualTo(tree("{\"type\":\"tool\",\"name\":\"target_answer\"}"));
        assertThat(json.has("response_format")).isFalse();
        assertThat(json.has("logprobs")).isFalse();
        assertThat(json.has("top_logprobs")).isFalse();

        assertThat(reply.text()).isEqualTo("{\"answer\":\"18\",\"confidence\":0.9,\"justification\":\"9 + 9 = 18\"}");
        assertThat(reply.toolCalls())
                .as("the forced tool is the answer, not a call to run")
                .isEmpty();
        assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(reply.logprobs()).as("Anthropic has no logprobs").isEmpty();
    }

    @Test
    void structuredOutputNextToOwnToolsKeepsAnExplicitToolChoice() {
        server.enqueueResource("text-response.json");
        toolFormat.chat(ChatRequest.builder()
                .user("Go.")
                .tools(AnthropicToolUseRoundTripTests.TOOLS)
                .toolChoice(ToolChoice.REQUIRED)
                .responseFormat(TARGET_ANSWER)
                .build());
        JsonNode json = tree(body(server.take()));

        assertThat(json.path("tools"))
                .extracting(tool -> tool.path("name").asText())
                .containsExactly("evaluate_prompt", "inspect_failures", "target_answer");
        assertThat(json.path("tool_choice")).isEqualTo(tree("{\"type\":\"any\"}"));
    }

    @Test
    void structuredOutputWithToolChoiceNoneIsRejected() {
        ChatRequest request = ChatRequest.builder()
                .user("Go.")
                .toolChoice(ToolChoice.NONE)
                .responseFormat(TARGET_ANSWER)
                .build();

        assertThatThrownBy(() -> toolFormat.chat(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tool_choice none")
                .hasMessageContaining("target_answer");
        assertThat(server.server.getRequestCount()).isZero();
    }

    @Test
    void toolsGoOutStrictUnlessTheirSchemaCannotBeClosedOrAGatewayOptsOut() {
        // An object that allows other fields (Picoschema `(*)`) cannot be strict: it goes out as written, without it.
        dev.rpt.chat.ToolDefinition open = new dev.rpt.chat.ToolDefinition(
                "tag",
                "Tag the reply.",
                new JsonSchema("{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}"),
                false);
        JsonNode strict = send(ChatRequest.builder()
                .user("Go.")
                .tools(List.of(AnthropicToolUseRoundTripTests.TOOLS.get(0), open))
                .build());
        server.enqueueResource("text-response.json");
        new AnthropicProvider()
                .create(
                        server.settings(),
                        RptConfig.of(Map.of("rpt.anthropic.strict-tools", "false")),
                        name -> AnthropicServer.FAKE_KEY)
                .chat(ChatRequest.builder()
                        .user("Go.")
                        .tools(AnthropicToolUseRoundTripTests.TOOLS)
                        .build());
        JsonNode optedOut = tree(body(server.take()));

        assertThat(strict.path("tools").get(0).path("strict").asBoolean()).isTrue();
        assertThat(strict.path("tools")
                        .get(0)
                        .path("input_schema")
                        .path("additionalProperties")
                        .asBoolean(true))
                .isFalse();
        assertThat(strict.path("tools").get(1).has("strict")).isFalse();
        assertThat(strict.path("tools").get(1).path("input_schema"))
                .isEqualTo(tree("{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}"));
        assertThat(optedOut.path("tools").get(0).has("strict")).isFalse();
        assertThat(optedOut.path("tools").get(0).path("input_schema").has("additionalProperties"))
                .isFalse();
    }

    @Test
    void oneToolUsePerTurnIsSaidOnTheToolChoice() {
        // anthropic-sdk-python types/tool_choice_auto_param.py and tool_choice_any_param.py: disable_parallel_tool_use.
        JsonNode unset = send(ChatRequest.builder()
                .user("Go.")
                .tools(AnthropicToolUseRoundTripTests.TOOLS)
                .parallelToolCalls(false)
                .build());
        JsonNode required = send(ChatRequest.builder()
                .user("Go.")
                .tools(AnthropicToolUseRoundTripTests.TOOLS)
                .toolChoice(ToolChoice.REQUIRED)
                .parallelToolCalls(false)
                .build());
        JsonNode allowed = send(ChatRequest.builder()
                .user("Go.")
                .tools(AnthropicToolUseRoundTripTests.TOOLS)
                .parallelToolCalls(true)
                .build());

        assertThat(unset.path("tool_choice")).isEqualTo(tree("{\"type\":\"auto\",\"disable_parallel_tool_use\":true}"));
        assertThat(required.path("tool_choice"))
                .isEqualTo(tree("{\"type\":\"any\",\"disable_parallel_tool_use\":true}"));
        assertThat(allowed.has("tool_choice")).as("parallel use is the default").isFalse();
    }

    @Test
    void maxTokensDefaultsTo1024AndUnsetFieldsAreOmitted() {
        String sent;
        server.enqueueResource("text-response.json");
        model.chat(ChatRequest.builder().user("Hi").seed(42L).sampleIndex(3).build());
        sent = body(server.take());

        assertThat(sent)
                .isEqualTo("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    }

    @Test
    void systemMessagesAreJoinedIntoTheTopLevelField() {
        JsonNode json = send(ChatRequest.builder()
                .system("You are terse.")
                .system("Answer in JSON.")
                .user("Hi")
                .build());

        assertThat(json.path("system").asText()).isEqualTo("You are terse.\n\nAnswer in JSON.");
        assertThat(json.path("messages")).hasSize(1);
        assertThat(json.path("messages").get(0).path("role").asText()).isEqualTo("user");
    }

    @Test
    void aSystemMessageInTheMiddleIsRejectedWithItsPosition() {
        ChatRequest request = ChatRequest.builder()
                .user("Hi")
                .message(ChatMessage.assistant("Hello"))
                .system("Now be rude.")
                .build();

        assertThatThrownBy(() -> model.chat(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Message 3 is a SYSTEM message")
                .hasMessageContaining("before the first user message");
        assertThat(server.server.getRequestCount()).isZero();
    }

    @Test
    void consecutiveTurnsOfOneRoleAreMergedInOrder() {
        String sent;
        server.enqueueResource("text-response.json");
        model.chat(ChatRequest.builder()
                .user("First question.")
                .user("Second question.")
                .message(ChatMessage.assistant("Answer one."))
                .message(ChatMessage.assistant(null, List.of(new ToolCall("toolu_7", "evaluate_prompt", ""))))
                .message(ChatMessage.toolResult("toolu_7", "report"))
                .user("Now patch it.")
                .build());
        sent = body(server.take());

        assertThat(sent)
                .isEqualTo("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"messages\":["
                        + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"First question.\"},"
                        + "{\"type\":\"text\",\"text\":\"Second question.\"}]},"
                        + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Answer one.\"},"
                        + "{\"type\":\"tool_use\",\"id\":\"toolu_7\",\"name\":\"evaluate_prompt\",\"input\":{}}]},"
                        + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_7\","
                        + "\"content\":\"report\"},{\"type\":\"text\",\"text\":\"Now patch it.\"}]}]}");
        JsonNode messages = tree(sent).path("messages");
        assertThat(messages).extracting(m -> m.path("role").asText()).containsExactly("user", "assistant", "user");
    }

    @Test
    void invalidToolCallArgumentsNameTheCall() {
        ChatRequest request = ChatRequest.builder()
                .user("Hi")
                .message(ChatMessage.assistant(
                        null, List.of(new ToolCall("toolu_bad", "evaluate_prompt", "{\"prompt\": \"unterminated"))))
                .message(ChatMessage.toolResult("toolu_bad", "x"))
                .build();

        assertThatThrownBy(() -> model.chat(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tool call toolu_bad (evaluate_prompt)")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void toolCallArgumentsThatAreNotAnObjectAreRejected() {
        ChatRequest request = ChatRequest.builder()
                .user("Hi")
                .message(ChatMessage.assistant(null, List.of(new ToolCall("toolu_arr", "evaluate_prompt", "[1]"))))
                .message(ChatMessage.toolResult("toolu_arr", "x"))
                .build();

        assertThatThrownBy(() -> model.chat(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("toolu_arr")
                .hasMessageContaining("must be a JSON object");
    }

    @Test
    void toolChoicesMapToAnthropicTypes() {
        assertThat(sendWithChoice(ToolChoice.AUTO)).isEqualTo(tree("{\"type\":\"auto\"}"));
        assertThat(sendWithChoice(ToolChoice.REQUIRED)).isEqualTo(tree("{\"type\":\"any\"}"));
        assertThat(sendWithChoice(ToolChoice.NONE)).isEqualTo(tree("{\"type\":\"none\"}"));
        assertThat(sendWithChoice(ToolChoice.function("inspect_failures")))
                .isEqualTo(tree("{\"type\":\"tool\",\"name\":\"inspect_failures\"}"));
    }

    @Test
    void toolChoiceNoneWithoutToolsIsLeftOut() {
        JsonNode json = send(
                ChatRequest.builder().user("Hi").toolChoice(ToolChoice.NONE).build());

        assertThat(json.has("tool_choice")).isFalse();
        assertThat(json.has("tools")).isFalse();
    }

    @Test
    void equalRequestsGiveIdenticalBodies() {
        ChatRequest request = ChatRequest.builder()
                .system("s")
                .user("u")
                .tools(AnthropicToolUseRoundTripTests.TOOLS)
                .temperature(0.3)
                .build();
        server.enqueueResource("text-response.json");
        server.enqueueResource("text-response.json");

        model.chat(request);
        model.chat(request.toBuilder().sampleIndex(1).build());

        assertThat(body(server.take())).isEqualTo(body(server.take()));
    }

    private JsonNode sendWithChoice(ToolChoice choice) {
        return send(ChatRequest.builder()
                        .user("Hi")
                        .tools(AnthropicToolUseRoundTripTests.TOOLS)
                        .toolChoice(choice)
                        .build())
                .path("tool_choice");
    }
}
