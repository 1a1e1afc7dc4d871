package dev.rpt.core.model.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiOptionsTests {

    @Test
    void defaultsToMaxCompletionTokens() {
        assertThat(OpenAiOptions.from(RptConfig.of(Map.of())).maxTokensField().wireName())
                .isEqualTo("max_completion_tokens");
    }

    @Test
    void readsTheLegacyFieldName() {
        RptConfig config = RptConfig.of(Map.of(RptConstants.OPENAI_MAX_TOKENS_FIELD, "max_tokens"));

        assertThat(OpenAiOptions.from(config).maxTokensField()).isEqualTo(OpenAiOptions.MaxTokensField.MAX_TOKENS);
    }

    @Test
    void rejectsAnUnknownFieldNamingTheKeyAndTheChoices() {
        RptConfig config = RptConfig.of(Map.of(RptConstants.OPENAI_MAX_TOKENS_FIELD, "max_output_tokens"));

        assertThatThrownBy(() -> OpenAiOptions.from(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.openai.max-tokens-field")
                .hasMessageContaining("max_output_tokens")
                .hasMessageContaining("max_completion_tokens, max_tokens");
    }

    @Test
    void aReasoningEffortIsSentAsReasoningEffortNewLevelsPassAndOnlyAMalformedOneIsRefused() {
        OpenAiOptions options = OpenAiOptions.from(RptConfig.of(Map.of(RptConstants.REASONING_EFFORT, "low")));
        ChatRequest request = ChatRequest.builder().user("hi").maxTokens(4000).build();

        String body = new String(new ChatRequestWriter("gpt-5-mini", options).write(request), StandardCharsets.UTF_8);
        String plain = new String(
                new ChatRequestWriter("gpt-4.1", OpenAiOptions.DEFAULTS).write(request), StandardCharsets.UTF_8);

        assertThat(body).contains("\"max_completion_tokens\":4000").contains("\"reasoning_effort\":\"low\"");
        assertThat(plain).doesNotContain("reasoning_effort");
        // xhigh and max are levels of newer models and servers; the server, not rpt, says which it takes.
        for (String level : java.util.List.of("xhigh", "max")) {
            assertThat(OpenAiOptions.from(RptConfig.of(Map.of(RptConstants.REASONING_EFFORT, level)))
                            .reasoningEffort())
                    .contains(level);
        }
        assertThatThrownBy(() -> OpenAiOptions.from(RptConfig.of(Map.of(RptConstants.REASONING_EFFORT, "very high"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.reasoning-effort")
                .hasMessageContaining("none, minimal, low, medium, high, xhigh, max");
    }

    @Test
    void theOutputLimitFieldFollowsAStatedRuleOnTheBaseUrlUnlessSet() {
        assertThat(OpenAiOptions.defaultField(java.util.Optional.of("https://api.mistral.ai/v1")))
                .isEqualTo(OpenAiOptions.MaxTokensField.MAX_TOKENS);
        assertThat(OpenAiOptions.defaultField(java.util.Optional.of("http://localhost:11434/v1")))
                .as("Ollama's default port")
                .isEqualTo(OpenAiOptions.MaxTokensField.MAX_TOKENS);
        assertThat(OpenAiOptions.defaultField(java.util.Optional.of("https://api.openai.com/v1")))
                .isEqualTo(OpenAiOptions.MaxTokensField.MAX_COMPLETION_TOKENS);
        assertThat(OpenAiOptions.defaultField(java.util.Optional.empty()))
                .isEqualTo(OpenAiOptions.MaxTokensField.MAX_COMPLETION_TOKENS);
        assertThat(OpenAiOptions.from(RptConfig.of(Map.of(
                                RptConstants.BASE_URL, "http://localhost:11434/v1",
                                RptConstants.OPENAI_MAX_TOKENS_FIELD, "max_completion_tokens")))
                        .maxTokensField())
                .as("a set key wins")
                .isEqualTo(OpenAiOptions.MaxTokensField.MAX_COMPLETION_TOKENS);
    }
}
