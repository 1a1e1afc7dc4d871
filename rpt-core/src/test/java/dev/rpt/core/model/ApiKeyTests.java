package dev.rpt.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyTests {

    private static final String SECRET = "fake-key-4b1d-DO-NOT-LEAK";

    @Test
    void readsTheKeyFromItsVariable() {
        ApiKey key = ApiKey.fromEnvironment("MY_KEY", Map.of("MY_KEY", "  " + SECRET + "\n")::get);

        assertThat(key.reveal()).isEqualTo(SECRET);
        assertThat(key.variable()).isEqualTo("MY_KEY");
    }

    @Test
    void printsAsAMask() {
        ApiKey key = ApiKey.fromEnvironment("MY_KEY", Map.of("MY_KEY", SECRET)::get);

        assertThat(key.toString()).isEqualTo("ApiKey[$MY_KEY=****]").doesNotContain(SECRET);
        assertThat(String.valueOf(key)).doesNotContain(SECRET);
    }

    @Test
    void aMissingVariableIsNamedWithHowToFixIt() {
        assertThatThrownBy(() -> ApiKey.fromEnvironment("OPENAI_API_KEY", Map.<String, String>of()::get))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("OPENAI_API_KEY is not set")
                .hasMessageContaining("export OPENAI_API_KEY=")
                .hasMessageContaining("rpt.api-key-env=none");
    }

    @Test
    void aBlankVariableCountsAsMissingAndIsNotEchoed() {
        assertThatThrownBy(() -> ApiKey.fromEnvironment("ANTHROPIC_API_KEY", Map.of("ANTHROPIC_API_KEY", "   ")::get))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ANTHROPIC_API_KEY is not set");
    }
}
