package dev.rpt.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.ConfigSource;
import dev.rpt.core.model.runtime.CacheMode;
import dev.rpt.core.thresholds.CheckMode;
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
        assertThat(settings.target().forModel("local")).satisfies(scope -> {
            assertThat(scope.model().model()).isEqualTo("qwen3:8b");
            assertThat(scope.timeout()).isEqualTo(Duration.ofSeconds(20));
        });
        assertThat(settings.judge().forModel("local")).satisfies(scope -> {
            assertThat(scope.model().model())
                    .as("the judge grades with the model's own model unless it names one")
                    .isEqualTo("qwen3:8b");
            assertThat(scope.timeout()).as("the judge's own key wins").isEqualTo(Duration.ofSeconds(30));
        });
        assertThat(settings.critic().forModel("local").model().model()).isEqualTo("gpt-4.1-nano");
        assertThat(settings.optimizer().forModel("hosted").model()).satisfies(m -> {
            assertThat(m.provider()).isEqualTo("anthropic");
            assertThat(m.model()).isEqualTo("claude-sonnet-4-5");
        });
        assertThat(settings.target().defaults()).satisfies(scope -> {
            assertThat(scope.model().model())
                    .as("no model configuration: the top-level keys")
                    .isEqualTo("gpt-4.1-mini");
            assertThat(scope.timeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(scope.name()).isEmpty();
        });
        assertThat(settings.judge().forModel(Optional.empty()).timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.judge().forModel(Optional.empty()))
                .isSameAs(settings.judge().defaults());
    }

    @Test
    void eachLeafIsTypedWithItsDefault() {
        RunSettings typed = RunSettings.resolve(ConfigSource.of(Map.of(
                "rpt.provider", "sim",
                "rpt.temperature", "none",
                "rpt.models.seeded.seed", "42",
                "rpt.models.seeded.max-tokens", "300",
                "rpt.models.seeded.max-steps", "3",
                "rpt.models.seeded.cache", "off",
                "rpt.check.mode", "confidence-bound")));

        ModelScope unnamed = typed.target().defaults();
        assertThat(unnamed.temperature())
                .as("none leaves it out of the request")
                .isEmpty();
        assertThat(unnamed.maxTokens()).isEqualTo(1024);
        assertThat(unnamed.maxSteps()).isEqualTo(8);
        assertThat(unnamed.seed()).isEmpty();
        assertThat(unnamed.cacheMode()).isNotEqualTo(CacheMode.OFF);
        assertThat(unnamed.batch().enabled()).isFalse();

        ModelScope seeded = typed.target().forModel("seeded");
        assertThat(seeded.seed()).hasValue(42);
        assertThat(seeded.maxTokens()).isEqualTo(300);
        assertThat(seeded.maxSteps()).isEqualTo(3);
        assertThat(seeded.cacheMode()).isEqualTo(CacheMode.OFF);
        assertThat(RunSettings.resolve(ConfigSource.of(Map.of("rpt.provider", "sim")))
                        .target()
                        .defaults()
                        .temperature())
                .as("reproducible runs by default")
                .hasValue(0.0);

        assertThat(typed.checkMode()).isEqualTo(CheckMode.CONFIDENCE_BOUND);
        assertThat(typed.metrics().intervalLevel()).isEqualTo(0.95);
    }

    @Test
    void aLeafIsReadOnceAndABadValueFailsOnlyTheLeafThatReadsIt() {
        RunSettings bad = RunSettings.resolve(ConfigSource.of(Map.of(
                "rpt.provider", "sim",
                "rpt.max-tokens", "many",
                "rpt.judge.timeout", "soon")));

        assertThat(bad.target().defaults().maxSteps())
                .as("a run that never reads the bad keys is not failed by them")
                .isEqualTo(8);
        assertThatThrownBy(() -> bad.target().defaults().maxTokens())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.max-tokens")
                .hasMessageContaining("'many'");
        assertThatThrownBy(() -> bad.judge().defaults().timeout())
                .as("the error names the key the user wrote, not the key the setting reads")
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'soon' for rpt.judge.timeout");
        assertThat(bad.target().defaults().timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(RunSettings.resolve(ConfigSource.of(Map.of("rpt.timeout", "5s")))
                        .target()
                        .defaults()
                        .timeout())
                .as("the timeout is its own leaf: no provider needed to read it")
                .isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> RunSettings.resolve(ConfigSource.of(Map.of(
                                "rpt.provider",
                                "sim",
                                "rpt.models.local.provider",
                                "sim",
                                "rpt.models.local.seed",
                                "x")))
                        .judge()
                        .forModel("local")
                        .seed())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("for rpt.models.local.seed");
        assertThatThrownBy(() -> RunSettings.resolve(ConfigSource.of(Map.of("rpt.judge.price.gpt-4.1", "cheap")))
                        .judge()
                        .defaults()
                        .prices())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'cheap' for rpt.judge.price.gpt-4.1");
        assertThat(settings.target().forModel("local"))
                .as("one scope per role and model")
                .isSameAs(settings.target().forModel("local"));
        assertThat(settings.target().defaults().model())
                .isSameAs(settings.target().defaults().model());
    }

    @Test
    void theModelConfigurationsAreReadOnceAndAnUnknownNameIsOneError() {
        assertThat(settings.models().targets())
                .extracting(target -> target.name().orElseThrow())
                .containsExactly("hosted", "local");
        assertThat(settings.role(RunSettings.Role.JUDGE).role().prefix()).contains("rpt.judge.");
        assertThat(RunSettings.Role.TARGET.prefix()).isEmpty();
        assertThatThrownBy(() -> settings.judge().forModel("remote"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'remote'")
                .hasMessageContaining("rpt.models.remote.*");
        RunSettings malformed = RunSettings.resolve(ConfigSource.of(Map.of("rpt.models.a b.model", "x")));
        assertThat(malformed.keys())
                .as("a goal that reads no model, such as rpt:check, is not failed")
                .hasSize(1);
        assertThatThrownBy(malformed::models).isInstanceOf(ConfigException.class);
    }

    @Test
    void theKeysAreTheOnesWrittenSoAMisspeltOneIsStillFound() {
        RunSettings misspelt =
                RunSettings.resolve(ConfigSource.of(Map.of("rpt.provider", "sim", "rpt.temprature", "0")));

        assertThat(misspelt.keys()).containsExactlyInAnyOrder("rpt.provider", "rpt.temprature");
        assertThat(misspelt.unknownKeys()).singleElement().asString().contains("rpt.temprature");
        assertThat(List.copyOf(settings.keys())).hasSize(KEYS.size());
    }
}
