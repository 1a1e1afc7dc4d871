package dev.rpt.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RptConfigTests {

    private static RptConfig config(String key, String value) {
        return RptConfig.of(Map.of(key, value));
    }

    @ParameterizedTest
    @CsvSource({
        "250ms, 250",
        "30s, 30000",
        "2m, 120000",
        "1h, 3600000",
        "PT30S, 30000",
        "pt1m30s, 90000",
        "5 s, 5000",
        "2d, 172800000",
        "P2D, 172800000"
    })
    void readsShortAndIsoDurations(String text, long millis) {
        assertThat(config("rpt.timeout", text).duration("rpt.timeout")).contains(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "30", "30sec", "-5s"})
    void anUnreadableDurationNamesTheKeyAndTheForms(String text) {
        assertThatThrownBy(() -> config("rpt.timeout", text).duration("rpt.timeout"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.timeout")
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("250ms, 30s, 2m, 1h or PT30S");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "0ms", "PT0S", "PT-1S"})
    void aZeroOrNegativeDurationIsRejected(String text) {
        assertThatThrownBy(() -> config("rpt.retry.max-wait", text).duration("rpt.retry.max-wait"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.retry.max-wait")
                .hasMessageContaining("a positive duration");
    }

    @Test
    void integersMustBeInRange() {
        assertThat(config("rpt.concurrency", " 16 ").integer("rpt.concurrency", 1, 1024))
                .contains(16);
        for (String bad : List.of("0", "1025", "8.5", "eight")) {
            assertThatThrownBy(() -> config("rpt.concurrency", bad).integer("rpt.concurrency", 1, 1024))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("Invalid value '" + bad + "' for rpt.concurrency: expected an integer between 1 and"
                            + " 1024.");
        }
    }

    @Test
    void numbersMustBeInRange() {
        assertThat(config("rpt.temperature", "0.7").number("rpt.temperature", 0, 2))
                .contains(0.7);
        for (String bad : List.of("2.5", "-0.1", "NaN", "warm")) {
            assertThatThrownBy(() -> config("rpt.temperature", bad).number("rpt.temperature", 0, 2))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("rpt.temperature")
                    .hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("a number between 0.0 and 2.0");
        }
    }

    @Test
    void longsMustBeIntegers() {
        assertThat(config("rpt.seed", "42").longValue("rpt.seed")).contains(42L);
        assertThatThrownBy(() -> config("rpt.seed", "4.2").longValue("rpt.seed"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.seed")
                .hasMessageContaining("an integer");
    }

    @Test
    void choicesAreCaseInsensitiveAndListTheAllowedWords() {
        List<String> allowed = List.of("off", "read-write");
        assertThat(config("rpt.cache", "READ-Write").choice("rpt.cache", allowed))
                .contains("read-write");
        assertThatThrownBy(() -> config("rpt.cache", "on").choice("rpt.cache", allowed))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 'on' for rpt.cache: expected one of off, read-write.");
    }

    @Test
    void blankValuesCountAsUnset() {
        RptConfig config = config("rpt.model", "   ");

        assertThat(config.string("rpt.model")).isEmpty();
        assertThat(config.integer("rpt.model", 1, 2)).isEmpty();
        assertThatThrownBy(() -> config.requiredString("rpt.model", "Set it to the model name."))
                .isInstanceOf(ConfigException.class)
                .hasMessage("rpt.model is not set. Set it to the model name.");
    }

    @Test
    void prefixedKeysComeSortedWithThePrefixCut() {
        RptConfig config = RptConfig.of(
                Map.of("rpt.headers.X-B", "2", "rpt.headers.X-A", "1", "rpt.headers.", "ignored", "rpt.model", "m"));

        assertThat(config.withPrefix("rpt.headers.")).containsExactly(Map.entry("X-A", "1"), Map.entry("X-B", "2"));
    }

    @Test
    void theFirstLayeredSourceWins() {
        ConfigSource layered = ConfigSource.layered(List.of(
                ConfigSource.of(Map.of("rpt.model", "first")),
                ConfigSource.of(Map.of("rpt.model", "second", "rpt.provider", "sim"))));

        assertThat(layered.get("rpt.model")).contains("first");
        assertThat(layered.get("rpt.provider")).contains("sim");
        assertThat(layered.keys()).containsExactlyInAnyOrder("rpt.model", "rpt.provider");
    }
}
