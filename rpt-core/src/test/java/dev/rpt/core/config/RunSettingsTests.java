package dev.rpt.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.model.ModelSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a key is looked up, for every role and model: the role's key, the model configuration's, the top level. */
class RunSettingsTests {

    private static final Map<String, String> KEYS = Map.of(
            "rpt.provider", "openai",
            "rpt.model", "gpt-4.1-mini",
            "rpt.timeout", "10s",
            "rpt.models.local.model", "qwen3:8b",
            "rpt.models.local.timeout", "20s",
            "rpt.models.hosted.model", "gpt-4.1",
            "rpt.judge.timeout", "30s",
            "rpt.diagnose.critic.model", "gpt-4.1-nano",
            "rpt.tune.optimizer.provider", "anthropic",
            "rpt.tune.optimizer.model", "claude-sonnet-4-5");

    private final RunSettings settings = RunSettings.resolve(ConfigSource.of(KEYS));

    @Test
    void aRolesOwnKeyWinsThenTheModelConfigurationsThenTheTopLevel() {
        Optional<String> local = Optional.of("local");

        assertThat(model(settings.target().forModel(local))).satisfies(m -> {
            assertThat(m.model()).isEqualTo("qwen3:8b");
            assertThat(m.timeout()).isEqualTo(Duration.ofSeconds(20));
        });
        assertThat(model(settings.judge().forModel(local))).satisfies(m -> {
            assertThat(m.model())
                    .as("the judge grades with the model's own model unless it names one")
                    .isEqualTo("qwen3:8b");
            assertThat(m.timeout()).as("the judge's own key wins").isEqualTo(Duration.ofSeconds(30));
        });
        assertThat(model(settings.critic().forModel(local)).model()).isEqualTo("gpt-4.1-nano");
        assertThat(model(settings.optimizer().forModel(Optional.of("hosted")))).satisfies(m -> {
            assertThat(m.provider()).isEqualTo("anthropic");
            assertThat(m.model()).isEqualTo("claude-sonnet-4-5");
        });
        assertThat(model(settings.target().config())).satisfies(m -> {
            assertThat(m.model())
                    .as("no model configuration: the top-level keys")
                    .isEqualTo("gpt-4.1-mini");
            assertThat(m.timeout()).isEqualTo(Duration.ofSeconds(10));
        });
        assertThat(model(settings.judge().forModel(Optional.empty())).timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theModelConfigurationsAreReadOnceAndAnUnknownNameIsOneError() {
        assertThat(settings.models().targets())
                .extracting(target -> target.name().orElseThrow())
                .containsExactly("hosted", "local");
        assertThat(settings.role(RunSettings.Role.JUDGE).role().prefix()).contains("rpt.judge.");
        assertThat(RunSettings.Role.TARGET.prefix()).isEmpty();
        assertThatThrownBy(() -> settings.judge().forModel(Optional.of("remote")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'remote'")
                .hasMessageContaining("rpt.models.remote.*");
        assertThatThrownBy(() -> RunSettings.resolve(ConfigSource.of(Map.of("rpt.models.a b.model", "x"))))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void theKeysAreTheOnesWrittenSoAMisspeltOneIsStillFound() {
        RunSettings misspelt =
                RunSettings.resolve(ConfigSource.of(Map.of("rpt.provider", "sim", "rpt.temprature", "0")));

        assertThat(misspelt.keys()).containsExactlyInAnyOrder("rpt.provider", "rpt.temprature");
        assertThat(ConfigKeys.unknown(misspelt.keys()))
                .singleElement()
                .asString()
                .contains("rpt.temprature");
        assertThat(List.copyOf(settings.keys())).hasSize(KEYS.size());
    }

    private static ModelSettings model(RptConfig view) {
        return ModelSettings.from(view);
    }
}
