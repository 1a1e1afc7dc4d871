package dev.rpt.core.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.files.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheInventoryTests {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final String V1_KEY = "85f225f2f07befc614deba6ee60b1ef2209de229320b918645b8e45052160557";

    @TempDir
    Path dir;

    private CacheInventory inventory() {
        return new CacheInventory(dir, InstantSource.fixed(NOW));
    }

    /** An entry written {@code age} before now. */
    private String entry(String name, Duration age) {
        String key = Sha256.hex(name);
        new ResponseCache(dir, InstantSource.fixed(NOW.minus(age))).write(key, ScriptedChatModel.reply(name, 1, 1));
        return key;
    }

    /** The committed entry of an earlier rpt, without a write time. */
    private void undatedEntry() throws IOException {
        Path target = dir.resolve(V1_KEY.substring(0, 2)).resolve(V1_KEY + ".json");
        Files.createDirectories(target.getParent());
        try (InputStream in = CacheInventoryTests.class.getResourceAsStream(
                "/cache/entry-v1/" + V1_KEY.substring(0, 2) + "/" + V1_KEY + ".json")) {
            Files.copy(in, target);
        }
    }

    @Test
    void surveysEntriesBytesAndAges() throws IOException {
        entry("today", Duration.ofHours(3));
        entry("last week", Duration.ofDays(6));
        entry("last month", Duration.ofDays(35));
        entry("last quarter", Duration.ofDays(35));
        entry("last year", Duration.ofDays(400));
        undatedEntry();
        // Named as an entry, but no sound one.
        Files.createDirectories(dir.resolve("ab"));
        Files.writeString(dir.resolve("ab").resolve(Sha256.hex("x") + ".json"), "{}");

        CacheInventory.Survey survey = inventory().survey();

        assertThat(survey.entries()).isEqualTo(7);
        assertThat(survey.bytes()).isPositive();
        assertThat(survey.oldest()).hasValue(NOW.minus(Duration.ofDays(400)));
        assertThat(survey.newest()).hasValue(NOW.minus(Duration.ofHours(3)));
        assertThat(survey.undated()).isEqualTo(1);
        assertThat(survey.unreadable()).isEqualTo(1);
        assertThat(survey.ages())
                .containsExactly(
                        Map.entry("under 1 day", 1L),
                        Map.entry("1 to 7 days", 1L),
                        Map.entry("7 to 30 days", 0L),
                        Map.entry("30 to 90 days", 2L),
                        Map.entry("over 90 days", 1L));
        assertThat(survey.lines(NOW))
                .startsWith(
                        "7 entries, " + String.format(java.util.Locale.ROOT, "%.1f kB", survey.bytes() / 1000.0),
                        "written 2025-11-02 to 2026-12-07 (oldest 400 days ago, newest 3 hours ago)")
                .contains("  30 to 90 days: 2")
                .noneMatch(line -> line.contains("7 to 30 days"))
                .anyMatch(line -> line.contains("without a write time") && line.endsWith(": 1"));
    }

    @Test
    void pruneDeletesOlderUndatedAndUnreadableEntriesAndKeepsTheRest() throws IOException {
        String young = entry("today", Duration.ofHours(3));
        String old = entry("last month", Duration.ofDays(35));
        undatedEntry();
        Files.createDirectories(dir.resolve("batches"));
        Path pending = Files.writeString(dir.resolve("batches").resolve("batch_1.json"), "{}");

        CacheInventory.Removal removed = inventory().prune(Duration.ofDays(30));

        assertThat(removed.entries()).isEqualTo(2);
        assertThat(removed.toString()).startsWith("2 entries (");
        ResponseCache cache = new ResponseCache(dir);
        assertThat(cache.contains(young)).isTrue();
        assertThat(cache.contains(old)).isFalse();
        assertThat(cache.contains(V1_KEY)).isFalse();
        assertThat(dir.resolve(V1_KEY.substring(0, 2))).as("an emptied shard").doesNotExist();
        assertThat(pending).exists();
        assertThat(inventory().survey().entries()).isEqualTo(1);
    }

    @Test
    void clearDeletesEveryEntryButKeepsTheFormatAndPendingBatches() throws IOException {
        entry("today", Duration.ofHours(3));
        entry("last month", Duration.ofDays(35));
        Files.createDirectories(dir.resolve("batches"));
        Path pending = Files.writeString(dir.resolve("batches").resolve("batch_1.json"), "{}");

        assertThat(inventory().clear().entries()).isEqualTo(2);

        assertThat(inventory().survey().entries()).isZero();
        assertThat(dir.resolve(ResponseCache.FORMAT_FILE)).exists();
        assertThat(pending).exists();
    }

    @Test
    void anAbsentCacheIsEmpty() throws IOException {
        CacheInventory absent = new CacheInventory(dir.resolve("never-written"), InstantSource.fixed(NOW));

        assertThat(absent.survey().entries()).isZero();
        assertThat(absent.survey().oldest()).isEmpty();
        assertThat(absent.prune(Duration.ofDays(1)).entries()).isZero();
        assertThat(absent.clear().entries()).isZero();
    }

    @Test
    void aRelativeCacheDirectoryIsTakenFromTheProject() {
        Path project = Path.of("/work/project");

        CacheInventory configured = CacheInventory.of(
                RptConfig.of(Map.of("rpt.cache.dir", "src/test/rpt-cache")), name -> null, Path.of("/home/u"), project);

        assertThat(configured.dir()).isEqualTo(project.resolve("src/test/rpt-cache"));
        assertThat(CacheInventory.of(RptConfig.of(Map.of()), name -> null, Path.of("/home/u"), project)
                        .dir())
                .isEqualTo(Path.of("/home/u/.cache/rpt"));
    }
}
