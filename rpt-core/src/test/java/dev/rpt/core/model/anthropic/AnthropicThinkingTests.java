package dev.rpt.core.model.anthropic;

import static dev.rpt.core.model.anthropic.AnthropicServer.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.JsonSchema;
import dev.rpt.chat.ResponseFormat;
import dev.rpt.chat.ToolChoice;
import dev.rpt.chat.ToolDefinition;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Thinking ({@code rpt.anthropic.thinking}): adaptive with {@code output_config.effort}, or a fixed budget; the
 * documented {@code thinking} object (anthropic-sdk-python {@code types/thinking_config_adaptive_param.py}, {@code
 * thinking_config_enabled_param.py}, {@code output_config_param.py}; its {@code tests/api_resources/test_messages.py}
 * sends {@code thinking: {type: adaptive}} with {@code output_config: {effort, format}}), structured output through
 * the native {@code output_config.format} (thinking allows no forced tool), and what it does not allow as one error
 * before anything is sent.
 */
class AnthropicThinkingTests {

    private static final ResponseFormat ANSWER = new ResponseFormat(
            "target_answer",
            new JsonSchema("{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"string\"}},"
                    + "\"required\":[\"answer\"],\"additionalProperties\":false}"),
            true);

    private final AnthropicServer server = new AnthropicServer();

    @AfterEach
    void close() {
        server.close();
    }

    private ChatModel thinking(int budget) {
        return configured(Map.of("rpt.anthropic.thinking-budget", String.valueOf(budget)));
    }

    private ChatModel configured(Map<String, String> settings) {
        return new AnthropicProvider()
                .create(
                        server.settings(),
                        RptConfig.of(settings),
                        name -> name.equals("ANTHROPIC_API_KEY") ? "k" : null);
    }

    @Test
    void aReasoningEffortMeansAdaptiveThinkingWithThatEffortBesideTheNativeFormat() {
        server.enqueue(
                200,
                "{\"id\":\"msg_02\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-opus-4-6\","
                        + "\"content\":[{\"type\":\"thinking\",\"thinking\":\"18.\",\"signature\":\"EqQB\"},"
                        + "{\"type\":\"text\",\"text\":\"{\\\"answer\\\":\\\"18\\\"}\"}],"
                        + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":20,\"output_tokens\":90,"
                        + "\"output_tokens_details\":{\"thinking_tokens\":60}}}");

        ChatResponse reply = configured(Map.of("rpt.reasoning-effort", "high"))
                .chat(ChatRequest.builder()
                        .user("What is 9 + 9?")
                        .responseFormat(ANSWER)
                        .build());

        assertThat(body(server.take()))
                .isEqualTo("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"What is 9 + 9?\"}],\"thinking\":{\"type\":\"adaptive\"},"
                        + "\"output_config\":{\"effort\":\"high\",\"format\":{\"type\":\"json_schema\",\"schema\":"
                        + "{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"string\"}},"
                        + "\"required\":[\"answer\"],\"additionalProperties\":false}}}}");
        assertThat(reply.text()).isEqualTo("{\"answer\":\"18\"}");
    }

    @Test
    void theModeIsChosenBySettingNeverByTheModelsName() {
        // An effort without thinking: only output_config.effort. Adaptive without an effort: the model's default.
        server.enqueueResource("text-response.json");
        server.enqueueResource("text-response.json");

        configured(Map.of("rpt.reasoning-effort", "low", "rpt.anthropic.thinking", "off"))
                .chat(ChatRequest.builder().user("Hi").temperature(0.0).build());
        configured(Map.of("rpt.anthropic.thinking", "adaptive"))
                .chat(ChatRequest.builder().user("Hi").build());

        assertThat(body(server.take()))
                .isEqualTo("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"Hi\"}],\"temperature\":0.0,\"output_config\":{\"effort\":\"low\"}}");
        assertThat(body(server.take()))
                .isEqualTo("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"Hi\"}],\"thinking\":{\"type\":\"adaptive\"}}");
    }

    @Test
    void contradictorySettingsAreOneErrorNamingTheKeys() {
        assertThatThrownBy(() -> configured(
                        Map.of("rpt.anthropic.thinking", "adaptive", "rpt.anthropic.thinking-budget", "4000")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.anthropic.thinking-budget=4000")
                .hasMessageContaining("rpt.anthropic.thinking=budget");
        assertThatThrownBy(() -> configured(Map.of("rpt.anthropic.thinking", "budget")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.anthropic.thinking-budget");
        assertThatThrownBy(() ->
                        configured(Map.of("rpt.reasoning-effort", "high", "rpt.anthropic.structured-output", "tool")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.anthropic.structured-output=tool")
                .hasMessageContaining("rpt.anthropic.thinking is adaptive");
    }

    @Test
    void theBudgetIsSentAndAResponseFormatBecomesTheNativeOutputConfig() {
        // A reply in the documented shape: a thinking block with its signature, then the answer as text.
        server.enqueue(
                200,
                "{\"id\":\"msg_01\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
                        + "\"content\":[{\"type\":\"thinking\",\"thinking\":\"9 and 9 make 18.\","
                        + "\"signature\":\"EqQBCgIYAhIM\"},{\"type\":\"text\",\"text\":\"{\\\"answer\\\":\\\"18\\\"}\"}],"
                        + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":20,\"output_tokens\":310}}");
        ChatRequest request = ChatRequest.builder()
                .user("What is 9 + 9?")
                .responseFormat(ANSWER)
                .maxTokens(8000)
                .build();

        ChatResponse reply = thinking(4000).chat(request);

        assertThat(body(server.take()))
                .isEqualTo("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":8000,\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"What is 9 + 9?\"}],\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":4000},"
                        + "\"output_config\":{\"format\":{\"type\":\"json_schema\",\"schema\":{\"type\":\"object\","
                        + "\"properties\":{\"answer\":{\"type\":\"string\"}},\"required\":[\"answer\"],"
                        + "\"additionalProperties\":false}}}}");
        assertThat(reply.text()).as("the thinking block is not the answer").isEqualTo("{\"answer\":\"18\"}");
    }

    @Test
    void whatThinkingDoesNotAllowFailsBeforeAnythingIsSentNamingTheKey() {
        ChatModel model = thinking(2000);

        assertThatThrownBy(() -> model.chat(ChatRequest.builder()
                        .user("x")
                        .maxTokens(4000)
                        .temperature(0.0)
                        .build()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("take no temperature while they think (rpt.anthropic.thinking=budget): set"
                        + " rpt.temperature=none");
        assertThatThrownBy(() -> model.chat(ChatRequest.builder().user("x").build()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("raise rpt.max-tokens above 2000");
        ToolDefinition tool = new ToolDefinition("decide", "Decide.", new JsonSchema("{\"type\":\"object\"}"), false);
        assertThatThrownBy(() -> model.chat(ChatRequest.builder()
                        .user("x")
                        .maxTokens(4000)
                        .tools(List.of(tool))
                        .toolChoice(ToolChoice.REQUIRED)
                        .build()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.tune.optimizer.anthropic.thinking=off");
        assertThat(server.server.getRequestCount()).isZero();
    }

    @Test
    void aBudgetBelowAnthropicsMinimumIsRefused() {
        assertThatThrownBy(() -> thinking(500))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.anthropic.thinking-budget")
                .hasMessageContaining("at least 1024");
    }
}
