package dev.rpt.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelSettingsTests {

    private static ModelSettings from(Map<String, String> values) {
        return ModelSettings.from(RptConfig.of(values));
    }

    @Test
    void aMissingProviderListsTheChoices() {
        assertThatThrownBy(() -> from(Map.of("rpt.model", "gpt-4.1-mini")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.provider is not set")
                .hasMessageContaining("openai, openai-responses, anthropic, sim");
    }

    @Test
    void anUnknownProviderNamesTheKeyAndTheChoices() {
        assertThatThrownBy(() -> from(Map.of("rpt.provider", "gemini", "rpt.model", "x")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "Invalid value 'gemini' for rpt.provider: expected one of openai, openai-responses, anthropic, sim.");
    }

    @Test
    void aRealProviderNeedsAModel() {
        assertThatThrownBy(() -> from(Map.of("rpt.provider", "openai")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.model is not set")
                .hasMessageContaining("gpt-4.1-mini");
    }

    @Test
    void theKeyVariableDefaultsPerProvider() {
        assertThat(from(Map.of("rpt.provider", "openai", "rpt.model", "m")).apiKeyEnv())
                .contains("OPENAI_API_KEY");
        assertThat(from(Map.of("rpt.provider", "anthropic", "rpt.model", "m")).apiKeyEnv())
                .contains("ANTHROPIC_API_KEY");
        assertThat(from(Map.of("rpt.provider", "openai", "rpt.model", "m", "rpt.api-key-env", "MY_KEY"))
                        .apiKeyEnv())
                .contains("MY_KEY");
    }

    @Test
    void apiKeyEnvNoneMeansNoAuthentication() {
        assertThat(from(Map.of("rpt.provider", "openai", "rpt.model", "llama3", "rpt.api-key-env", "NONE"))
                        .apiKeyEnv())
                .isEmpty();
    }

    @Test
    void theSimulatorNeedsNeitherModelNorKey() {
        ModelSettings settings = from(Map.of("rpt.provider", "sim"));

        assertThat(settings.model()).isEqualTo("sim");
        assertThat(settings.apiKeyEnv()).isEmpty();
    }

    @Test
    void readsTheOtherModelKeys() {
        ModelSettings settings = from(Map.of(
                "rpt.provider", "OpenAI",
                "rpt.model", "gpt-4.1-mini",
                "rpt.base-url", "http://localhost:11434/v1/",
                "rpt.auth-header", "api-key",
                "rpt.headers.OpenAI-Organization", "org-123",
                "rpt.timeout", "90s"));

        assertThat(settings.provider()).isEqualTo("openai");
        assertThat(settings.baseUrl()).contains("http://localhost:11434/v1");
        assertThat(settings.authHeader()).isEqualTo("api-key");
        assertThat(settings.headers()).containsExactly(Map.entry("OpenAI-Organization", "org-123"));
        assertThat(settings.anthropicVersion()).isEqualTo("2023-06-01");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void theDefaultsApplyWhenUnset() {
        ModelSettings settings = from(Map.of("rpt.provider", "anthropic", "rpt.model", "claude"));

        assertThat(settings.baseUrl()).isEmpty();
        assertThat(settings.authHeader()).as("Anthropic's API takes x-api-key").isEqualTo("x-api-key");
        assertThat(settings.headers()).isEmpty();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void anotherProviderIdCanBeAllowed() {
        List<String> providers = List.of("openai", "anthropic", "sim", "acme");

        ModelSettings settings =
                ModelSettings.from(RptConfig.of(Map.of("rpt.provider", "acme", "rpt.model", "a1")), providers);

        assertThat(settings.provider()).isEqualTo("acme");
        assertThat(settings.apiKeyEnv()).contains("OPENAI_API_KEY");
        assertThatThrownBy(() -> ModelSettings.from(RptConfig.of(Map.of()), providers))
                .hasMessageContaining("openai, anthropic, sim, acme");
    }
}
