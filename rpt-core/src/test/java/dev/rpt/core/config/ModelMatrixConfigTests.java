package dev.rpt.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code rpt.models.<name>.*}: named configurations over the top-level keys, chosen and ordered by {@code rpt.models}. */
class ModelMatrixConfigTests {

    private static final Map<String, String> TWO = Map.of(
            "rpt.provider", "openai",
            "rpt.max-tokens", "512",
            "rpt.models.local.base-url", "http://localhost:11434/v1",
            "rpt.models.local.model", "qwen3:8b",
            "rpt.models.hosted.model", "gpt-4.1-mini",
            "rpt.models.hosted.price.gpt-4.1-mini", "0.4,1.6",
            "rpt.models.hosted.informational", "true");

    @Test
    void withoutNamedModelsTheRunHasOneUnnamedModelOfTheTopLevelKeys() {
        RptConfig config = RptConfig.of(Map.of("rpt.provider", "sim"));

        ModelMatrix matrix = ModelMatrix.from(config);

        assertThat(matrix.named()).isFalse();
        assertThat(matrix.targets()).singleElement().satisfies(target -> {
            assertThat(target.name()).isEmpty();
            assertThat(target.suffix()).isEmpty();
            assertThat(target.informational()).isFalse();
            assertThat(target.config().string(RptConstants.PROVIDER)).contains("sim");
        });
        assertThat(matrix.tuneTarget(config).name()).isEmpty();
    }

    @Test
    void aNamedConfigurationOverridesTheTopLevelKeysAndInheritsTheRest() {
        ModelMatrix matrix = ModelMatrix.from(RptConfig.of(TWO));

        assertThat(matrix.named()).isTrue();
        assertThat(matrix.targets()).extracting(ModelTarget::suffix).containsExactly("[hosted]", "[local]");
        ModelTarget local = matrix.target("local").orElseThrow();
        assertThat(local.config().string(RptConstants.MODEL)).contains("qwen3:8b");
        assertThat(local.config().string(RptConstants.BASE_URL)).contains("http://localhost:11434/v1");
        assertThat(local.config().integer(RptConstants.MAX_TOKENS, 1, 10_000)).contains(512);
        assertThat(local.informational()).isFalse();
        ModelTarget hosted = matrix.target("hosted").orElseThrow();
        assertThat(hosted.config().string(RptConstants.BASE_URL)).isEmpty();
        assertThat(hosted.config().withPrefix(RptConstants.PRICE_PREFIX)).containsEntry("gpt-4.1-mini", "0.4,1.6");
        assertThat(local.config().withPrefix(RptConstants.PRICE_PREFIX))
                .as("a price is the configuration's own")
                .isEmpty();
        assertThat(hosted.informational()).isTrue();
    }

    @Test
    void rptModelsChoosesAndOrdersTheConfigurations() {
        Map<String, String> values = new java.util.HashMap<>(TWO);
        values.put("rpt.models", "local, hosted");

        assertThat(ModelMatrix.from(RptConfig.of(values)).targets())
                .extracting(ModelTarget::name)
                .containsExactly(Optional.of("local"), Optional.of("hosted"));
    }

    @Test
    void anUndeclaredNameInRptModelsIsOneErrorListingTheDeclaredOnes() {
        Map<String, String> values = new java.util.HashMap<>(TWO);
        values.put("rpt.models", "local,cloud");

        assertThatThrownBy(() -> ModelMatrix.from(RptConfig.of(values)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("rpt.models=local,cloud names 'cloud', but no rpt.models.cloud.* key declares it. Declared:"
                        + " hosted, local. Declare it (e.g. rpt.models.cloud.model=...) or remove it.");
    }

    @Test
    void aMalformedKeyOrFlagNamesTheKey() {
        assertThatThrownBy(() -> ModelMatrix.from(RptConfig.of(Map.of("rpt.models.local", "gpt"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("rpt.models.local is not a model configuration key.");
        assertThatThrownBy(() -> ModelMatrix.from(RptConfig.of(Map.of("rpt.models.a b.model", "gpt"))))
                .hasMessageStartingWith("rpt.models.a b.model is not a model configuration key.");
        assertThatThrownBy(() -> ModelMatrix.from(RptConfig.of(Map.of("rpt.models.x.informational", "yes"))))
                .hasMessage("Invalid value 'yes' for rpt.models.x.informational: expected one of true, false.");
    }

    @Test
    void theTunerNeedsToKnowWhichOfSeveralConfigurationsToTuneFor() {
        RptConfig config = RptConfig.of(TWO);
        ModelMatrix matrix = ModelMatrix.from(config);

        assertThatThrownBy(() -> matrix.tuneTarget(config))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Several model configurations are configured (hosted, local): set rpt.tune.model to the one"
                        + " to tune the prompt for, e.g. -Drpt.tune.model=hosted.");
        Map<String, String> chosen = new java.util.HashMap<>(TWO);
        chosen.put("rpt.tune.model", "local");
        assertThat(matrix.tuneTarget(RptConfig.of(chosen)).name()).contains("local");
        chosen.put("rpt.tune.model", "cloud");
        assertThatThrownBy(() -> matrix.tuneTarget(RptConfig.of(chosen)))
                .hasMessage("rpt.tune.model=cloud names no configured model. Configured: hosted, local. Use one of"
                        + " these names, or unset it.");
    }
}
