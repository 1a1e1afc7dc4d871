package dev.rpt.core.model.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.api.Usage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicResponseTests {

    private final AnthropicServer server = new AnthropicServer();
    private final ChatModel model = server.model();

    @AfterEach
    void close() {
        server.close();
    }

    private ChatResponse reply(String body) {
        server.enqueue(200, body);
        return model.chat(ChatRequest.builder().user("Hi").build());
    }

    @Test
    void cacheWritesBySpanAndThinkingTokensAreRead() {
        // The usage fields of anthropic-sdk-python types/usage.py, cache_creation.py and output_tokens_details.py.
        ChatResponse reply = reply("{\"id\":\"msg_05\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"model\":\"claude-opus-4-6\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],"
                + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":50,"
                + "\"cache_creation_input_tokens\":2000,\"cache_read_input_tokens\":0,\"cache_creation\":"
                + "{\"ephemeral_5m_input_tokens\":1500,\"ephemeral_1h_input_tokens\":500},\"output_tokens\":400,"
                + "\"output_tokens_details\":{\"thinking_tokens\":350}}}");

        assertThat(reply.usage()).isEqualTo(new Usage(2050, 400, 2450, 0, 350, 2000, 500));
    }

    @Test
    void textBlocksAreJoinedAndCacheTokensCountAsInput() {
        server.enqueueResource("text-response.json");

        ChatResponse reply = model.chat(ChatRequest.builder().user("Hi").build());

        assertThat(reply.text()).isEqualTo("The prompt passes.");
        assertThat(reply.toolCalls()).isEmpty();
        assertThat(reply.refusal()).isNull();
        assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
        // Without usage.cache_creation every write counts as a five-minute one.
        assertThat(reply.usage()).isEqualTo(new Usage(1600, 12, 1612, 300, 0, 100, 0));
        assertThat(reply.model()).isEqualTo("claude-sonnet-4-5-20250929");
        // The Messages API names the dated model that served the reply and has no system fingerprint.
        assertThat(reply.systemFingerprint()).isNull();
        assertThat(reply.cached()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "end_turn, STOP",
        "stop_sequence, STOP",
        "max_tokens, LENGTH",
        "tool_use, TOOL_CALLS",
        "pause_turn, LENGTH",
        "model_context_window_exceeded, LENGTH",
        "something_new, OTHER"
    })
    void stopReasonsMapToFinishReasons(String stopReason, FinishReason expected) {
        ChatResponse reply = reply("{\"content\":[{\"type\":\"text\",\"text\":\"x\"}],\"stop_reason\":\"" + stopReason
                + "\",\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}");

        assertThat(reply.finishReason()).isEqualTo(expected);
    }

    @Test
    void aRefusalIsAContentFilterStopWithARefusalText() {
        server.enqueueResource("refusal-response.json");

        ChatResponse reply = model.chat(ChatRequest.builder().user("Hi").build());

        assertThat(reply.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(reply.refusal()).isEqualTo(ResponseDecoder.DEFAULT_REFUSAL);
        assertThat(reply.text()).isNull();
        assertThat(reply.usage()).isEqualTo(Usage.of(20, 3));
    }

    @Test
    void aRefusalExplanationIsKept() {
        ChatResponse reply = reply(
                "{\"content\":[],\"stop_reason\":\"refusal\",\"stop_details\":{\"type\":\"refusal\","
                        + "\"explanation\":\"Declined: could enable harm.\"},\"usage\":{\"input_tokens\":5,\"output_tokens\":0}}");

        assertThat(reply.refusal()).isEqualTo("Declined: could enable harm.");
        assertThat(reply.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
    }

    @Test
    void unknownBlocksAreSkippedAndMissingFieldsDefault() {
        ChatResponse reply = reply(
                "{\"content\":[{\"type\":\"thinking\",\"thinking\":\"hmm\",\"signature\":\"s\"},"
                        + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"noop\",\"input\":{}}],\"stop_reason\":\"tool_use\"}");

        assertThat(reply.text()).isNull();
        assertThat(reply.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("noop");
            assertThat(call.arguments()).isEqualTo("{}");
        });
        assertThat(reply.usage()).isEqualTo(Usage.ZERO);
        assertThat(reply.model()).as("falls back to the configured model").isEqualTo(AnthropicServer.MODEL);
    }
}
