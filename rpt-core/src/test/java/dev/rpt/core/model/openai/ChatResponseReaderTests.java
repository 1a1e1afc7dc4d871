package dev.rpt.core.model.openai;

import static dev.rpt.core.model.openai.OpenAiFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.api.ToolCall;
import dev.rpt.api.Usage;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.model.MalformedResponseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatResponseReaderTests {

    private final ChatResponseReader reader = new ChatResponseReader("requested-model");

    private static String answer(String finishReason, String usage) {
        return "{\"model\":\"served-model\",\"choices\":[{\"index\":0,\"finish_reason\":" + finishReason
                + ",\"message\":{\"role\":\"assistant\",\"content\":\"42\"}}]" + usage + "}";
    }

    @ParameterizedTest
    @CsvSource({
        "'\"stop\"', STOP",
        "'\"length\"', LENGTH",
        "'\"tool_calls\"', TOOL_CALLS",
        "'\"function_call\"', TOOL_CALLS",
        "'\"content_filter\"', CONTENT_FILTER",
        "'\"eos\"', OTHER",
        "null, OTHER"
    })
    void mapsFinishReasons(String wire, FinishReason expected) {
        assertThat(reader.read(answer(wire, "")).finishReason()).isEqualTo(expected);
    }

    @Test
    void readsDeepSeeksCacheHitsAsCachedTokens() {
        // DeepSeek's usage (api-docs.deepseek.com, "Context Caching"): prompt_cache_hit_tokens and
        // prompt_cache_miss_tokens beside prompt_tokens, no prompt_tokens_details.
        ChatResponse response = reader.read(answer(
                "\"stop\"",
                ",\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":8,\"total_tokens\":128,"
                        + "\"prompt_cache_hit_tokens\":96,\"prompt_cache_miss_tokens\":24}"));

        assertThat(response.usage().cachedPromptTokens()).isEqualTo(96);
        assertThat(response.usage().promptTokens()).isEqualTo(120);
    }

    @Test
    void contentAsAListOfPartsIsItsTextPartsWithoutTheThinking() {
        // Mistral's reasoning models (Magistral; the Mistral API's ThinkChunk and TextChunk): the message content is a
        // list of chunks, the reasoning in "thinking" chunks and the answer in "text" chunks.
        String body = "{\"model\":\"magistral-medium-2509\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\","
                + "\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":[{\"type\":"
                + "\"text\",\"text\":\"Six times seven...\"}]},{\"type\":\"text\",\"text\":\"{\\\"answer\\\": \"},"
                + "{\"type\":\"text\",\"text\":\"\\\"42\\\"}\"}]}}]}";

        assertThat(reader.read(body).text()).isEqualTo("{\"answer\": \"42\"}");
        assertThat(reader.read(answer("\"stop\"", "")).text())
                .as("a string stays a string")
                .isEqualTo("42");
    }

    @Test
    void readsUsage() {
        ChatResponse response = reader.read(
                answer("\"stop\"", ",\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4,\"total_tokens\":9}"));

        assertThat(response.usage()).isEqualTo(new Usage(3, 4, 9));
        assertThat(response.model()).isEqualTo("served-model");
        assertThat(response.text()).isEqualTo("42");
    }

    @Test
    void readsCachedAndReasoningTokensFromTheUsageDetails() {
        // The usage shape of OpenAI's API reference, for a reasoning model whose prompt hit the prompt cache.
        ChatResponse response = reader.read(answer(
                "\"stop\"",
                ",\"usage\":{\"prompt_tokens\":2006,\"completion_tokens\":300,\"total_tokens\":2306,"
                        + "\"prompt_tokens_details\":{\"cached_tokens\":1920,\"audio_tokens\":0},"
                        + "\"completion_tokens_details\":{\"reasoning_tokens\":192,\"audio_tokens\":0,"
                        + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}"));

        assertThat(response.usage()).isEqualTo(new Usage(2006, 300, 2306, 1920, 192));
    }

    @Test
    void sumsUsageWhenTheTotalIsMissing() {
        assertThat(reader.read(answer("\"stop\"", ",\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4}"))
                        .usage())
                .isEqualTo(new Usage(3, 4, 7));
    }

    @Test
    void treatsMissingOrNullUsageAsZero() {
        assertThat(reader.read(answer("\"stop\"", "")).usage()).isEqualTo(Usage.ZERO);
        assertThat(reader.read(answer("\"stop\"", ",\"usage\":null")).usage()).isEqualTo(Usage.ZERO);
    }

    @Test
    void fallsBackToTheRequestedModelName() {
        ChatResponse response =
                reader.read("{\"choices\":[{\"finish_reason\":\"stop\",\"message\":{\"content\":\"hi\"}}]}");

        assertThat(response.model()).isEqualTo("requested-model");
        assertThat(response.logprobs()).isEmpty();
        assertThat(response.cached()).isFalse();
    }

    @Test
    void readsARefusal() {
        ChatResponse response = reader.read(resource("refusal.json"));

        assertThat(response.refusal()).isEqualTo("I'm sorry, I can't help with that.");
        assertThat(response.text()).isNull();
        assertThat(response.toolCalls()).isEmpty();
        assertThat(response.usage()).isEqualTo(new Usage(20, 10, 30));
    }

    @Test
    void keepsInvalidToolCallArgumentsVerbatim() {
        String body = "{\"model\":\"m\",\"choices\":[{\"finish_reason\":\"tool_calls\",\"message\":{\"content\":null,"
                + "\"tool_calls\":[{\"id\":\"call_9\",\"type\":\"function\",\"function\":{\"name\":\"evaluate_prompt\","
                + "\"arguments\":\"{\\\"prompt\\\": \\\"unterminated\"}}]}}]}";

        ChatResponse response = reader.read(body);

        assertThat(response.toolCalls())
                .containsExactly(new ToolCall("call_9", "evaluate_prompt", "{\"prompt\": \"unterminated"));
    }

    @Test
    void keepsArgumentsSentAsAnObjectAsTheirJsonText() {
        String body = "{\"choices\":[{\"finish_reason\":\"tool_calls\",\"message\":{\"tool_calls\":["
                + "{\"function\":{\"name\":\"f\",\"arguments\":{\"a\":1}}}]}}]}";

        assertThat(reader.read(body).toolCalls()).containsExactly(new ToolCall("call_0", "f", "{\"a\":1}"));
    }

    @Test
    void rejectsAToolCallWithoutAName() {
        String body =
                "{\"choices\":[{\"message\":{\"tool_calls\":[{\"id\":\"c\",\"function\":{\"arguments\":\"{}\"}}]}}]}";

        assertThatThrownBy(() -> reader.read(body))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("tool call 0 has no function name");
    }

    @Test
    void rejectsAChoiceWithoutAMessage() {
        assertThatThrownBy(() -> reader.read("{\"choices\":[{\"index\":0,\"finish_reason\":\"stop\"}]}"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("no message");
    }

    @Test
    void rejectsALogprobsEntryWithoutALogprob() {
        String body =
                "{\"choices\":[{\"message\":{\"content\":\"x\"},\"logprobs\":{\"content\":[{\"token\":\"x\"}]}}]}";

        assertThatThrownBy(() -> reader.read(body))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("logprob");
    }

    @Test
    void ignoresNullLogprobs() {
        String body = "{\"choices\":[{\"message\":{\"content\":\"x\"},\"logprobs\":{\"content\":null}}]}";

        assertThat(reader.read(body).logprobs()).isEmpty();
    }
}
