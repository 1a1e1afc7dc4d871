package dev.rpt.core.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class CacheSettingsTests {

    private static final Path HOME = Path.of("/home/someone");

    @Test
    void cacheModeDefaultsToReadWriteAndReadsEveryWord() {
        assertThat(CacheMode.from(RptConfig.of(Map.of()))).isEqualTo(CacheMode.READ_WRITE);
        for (CacheMode mode : CacheMode.values()) {
            assertThat(CacheMode.from(RptConfig.of(Map.of("rpt.cache", mode.configValue()))))
                    .isEqualTo(mode);
        }
        assertThat(CacheMode.from(RptConfig.of(Map.of("rpt.cache", " Replay-Only "))))
                .isEqualTo(CacheMode.REPLAY_ONLY);
    }

    @Test
    void anUnknownCacheModeNamesTheKeyAndTheWords() {
        assertThatThrownBy(() -> CacheMode.from(RptConfig.of(Map.of("rpt.cache", "write-only"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.cache")
                .hasMessageContaining("'write-only'")
                .hasMessageContaining("off, read-write, read-only, replay-only");
    }

    @Test
    void maxAgeReadsHoursDaysAndIso8601() {
        assertThat(maxAge("12h")).hasValue(Duration.ofHours(12));
        assertThat(maxAge("7d")).hasValue(Duration.ofDays(7));
        assertThat(maxAge("P7D")).hasValue(Duration.ofDays(7));
        assertThat(maxAge("p1dt12h")).hasValue(Duration.ofHours(36));
        assertThat(CachePolicy.from(RptConfig.of(Map.of()), InstantSource.system())
                        .maxAge())
                .isEmpty();
    }

    @Test
    void aBadMaxAgeNamesTheKeyTheFormAndTheWayOut() {
        for (String bad : new String[] {"7 days", "-1d", "0d", "a week"}) {
            assertThatThrownBy(() -> maxAge(bad))
                    .as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("rpt.cache.max-age")
                    .hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("12h, 7d or P7D")
                    .hasMessageContaining("unset it");
        }
    }

    @Test
    void whichEntriesEachModeServesUnderAnAgeLimit() {
        Instant now = Instant.parse("2026-11-05T12:00:00Z");
        InstantSource clock = InstantSource.fixed(now);
        Optional<Instant> young = Optional.of(now.minus(Duration.ofDays(1)));
        Optional<Instant> old = Optional.of(now.minus(Duration.ofDays(8)));
        Optional<Instant> thisRun = Optional.of(now);
        Optional<Duration> week = Optional.of(Duration.ofDays(7));

        for (CacheMode mode : new CacheMode[] {CacheMode.READ_WRITE, CacheMode.READ_ONLY}) {
            CachePolicy limited = CachePolicy.of(mode, week, clock);
            assertThat(limited.serves(young)).isTrue();
            assertThat(limited.serves(old)).isFalse();
            assertThat(limited.serves(Optional.empty()))
                    .as("an entry of unknown age")
                    .isFalse();
            assertThat(CachePolicy.of(mode, Optional.empty(), clock).serves(Optional.empty()))
                    .isTrue();
        }
        CachePolicy replay = CachePolicy.of(CacheMode.REPLAY_ONLY, week, clock);
        assertThat(replay.serves(old)).isTrue();
        assertThat(replay.serves(Optional.empty())).isTrue();
        assertThat(replay.tooOld(old)).isTrue();
        CachePolicy refresh = CachePolicy.of(CacheMode.REFRESH, Optional.empty(), clock);
        assertThat(refresh.serves(young)).isFalse();
        assertThat(refresh.serves(thisRun)).isTrue();
        assertThat(CachePolicy.of(CacheMode.REFRESH, week, clock).serves(young)).isTrue();
    }

    private static Optional<Duration> maxAge(String value) {
        return CachePolicy.from(RptConfig.of(Map.of("rpt.cache.max-age", value)), InstantSource.system())
                .maxAge();
    }

    @Test
    void theConfiguredDirectoryWins() {
        Path dir = CacheDirectory.resolve(
                RptConfig.of(Map.of("rpt.cache.dir", "/srv/rpt-cache")), env(Map.of("XDG_CACHE_HOME", "/xdg")), HOME);

        assertThat(dir).isEqualTo(Path.of("/srv/rpt-cache"));
    }

    @Test
    void aRelativeConfiguredDirectoryIsMadeAbsolute() {
        Path dir = CacheDirectory.resolve(RptConfig.of(Map.of("rpt.cache.dir", "target/cache")), env(Map.of()), HOME);

        assertThat(dir).isEqualTo(Path.of("target", "cache").toAbsolutePath());
    }

    @Test
    void thenXdgCacheHome() {
        Path dir = CacheDirectory.resolve(RptConfig.of(Map.of()), env(Map.of("XDG_CACHE_HOME", "/xdg")), HOME);

        assertThat(dir).isEqualTo(Path.of("/xdg", "rpt"));
    }

    @Test
    void thenTheHomeDirectoryIgnoringARelativeOrBlankXdgCacheHome() {
        Path expected = HOME.resolve(".cache").resolve("rpt");

        assertThat(CacheDirectory.resolve(RptConfig.of(Map.of()), env(Map.of()), HOME))
                .isEqualTo(expected);
        assertThat(CacheDirectory.resolve(RptConfig.of(Map.of()), env(Map.of("XDG_CACHE_HOME", "relative")), HOME))
                .isEqualTo(expected);
        assertThat(CacheDirectory.resolve(RptConfig.of(Map.of()), env(Map.of("XDG_CACHE_HOME", " ")), HOME))
                .isEqualTo(expected);
    }

    private static UnaryOperator<String> env(Map<String, String> variables) {
        return variables::get;
    }
}
