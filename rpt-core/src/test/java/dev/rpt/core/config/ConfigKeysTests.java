package dev.rpt.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Misspelt configuration keys are named with the key meant; every key rpt reads, in any of its forms, is known. */
class ConfigKeysTests {

    @Test
    void aMisspeltKeyIsNamedWithTheKeyMeant() {
        assertThat(ConfigKeys.unknown(List.of("rpt.concurency", "rpt.provider")))
                .containsExactly("rpt.concurency is not a key rpt reads, so it has no effect. Did you mean"
                        + " rpt.concurrency? Every key is listed in docs/configuration.md.");
    }

    @Test
    void theSuggestionKeepsTheModelOrRolePrefix() {
        assertThat(ConfigKeys.suggestion("rpt.models.local.modle")).hasValue("rpt.models.local.model");
        assertThat(ConfigKeys.suggestion("rpt.tune.optimizer.temprature")).hasValue("rpt.tune.optimizer.temperature");
        assertThat(ConfigKeys.suggestion("rpt.judge.promt")).hasValue("rpt.judge.prompt");
        assertThat(ConfigKeys.suggestion("rpt.check.tolerance.acuracy")).hasValue("rpt.check.tolerance.accuracy");
    }

    @Test
    void keysThatOnlyAModelOrARoleHasAreSuggestedToo() {
        assertThat(ConfigKeys.suggestion("rpt.models.small.informationl")).hasValue("rpt.models.small.informational");
        assertThat(ConfigKeys.suggestion("rpt.models.small.judge.promt")).hasValue("rpt.models.small.judge.prompt");
        assertThat(ConfigKeys.suggestion("rpt.judeg.model")).hasValue("rpt.judge.model");
        assertThat(ConfigKeys.suggestion("rpt.tune.optimiser.max-tokens")).hasValue("rpt.tune.optimizer.max-tokens");
        assertThat(ConfigKeys.suggestion("rpt.diagnose.critc.provider")).hasValue("rpt.diagnose.critic.provider");
        assertThat(ConfigKeys.unknown(List.of("rpt.models.small.informationl")))
                .containsExactly("rpt.models.small.informationl is not a key rpt reads, so it has no effect. Did you"
                        + " mean rpt.models.small.informational? Every key is listed in docs/configuration.md.");
    }

    @Test
    void aKeyFarFromEveryKnownOneIsNamedWithoutAGuess() {
        assertThat(ConfigKeys.unknown(List.of("rpt.colour")))
                .containsExactly("rpt.colour is not a key rpt reads, so it has no effect. Every key is listed in"
                        + " docs/configuration.md.");
    }

    @Test
    void familiesRolesModelsAndGoalSwitchesAreKnown() {
        assertThat(ConfigKeys.unknown(List.of(
                        "rpt.price.gpt-4.1-mini",
                        "rpt.headers.X-Team",
                        "rpt.prompt-override.prompts/math.prompt",
                        "rpt.models.local.base-url",
                        "rpt.models.local.informational",
                        "rpt.models.local.price.llama3",
                        "rpt.tune.optimizer.model",
                        "rpt.judge.temperature",
                        "rpt.diagnose.critic.provider",
                        "rpt.check.skip",
                        "rpt.baseline.force",
                        "rpt.cache.max-age",
                        "rpt.cache.prune",
                        "rpt.cache.clear",
                        "junit.jupiter.execution.parallel.enabled")))
                .isEmpty();
        assertThat(ConfigKeys.isKnown("rpt.models.local")).isFalse();
        assertThat(ConfigKeys.isKnown("rpt.price.")).isFalse();
        assertThat(ConfigKeys.isKnown("rpt.tune.optimizer.colour")).isFalse();
    }

    @Test
    void everyConstantKeyIsKnown() throws IllegalAccessException {
        for (Field field : RptConstants.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String key = (String) field.get(null);
                if (key.startsWith(RptConstants.PREFIX) && !key.endsWith(".")) {
                    assertThat(ConfigKeys.isKnown(key)).as(key).isTrue();
                }
            }
        }
    }
}
