package dev.rpt.core.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import java.nio.file.Path;
import java.util.Map;
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
