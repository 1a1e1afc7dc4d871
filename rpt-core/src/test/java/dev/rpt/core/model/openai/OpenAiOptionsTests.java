package dev.rpt.core.model.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
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
}
