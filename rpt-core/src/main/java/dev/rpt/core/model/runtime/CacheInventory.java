package dev.rpt.core.model.runtime;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.files.JsonFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * What a response cache directory holds, and its upkeep: how many entries, how many bytes and how old ({@code
 * rpt:cache}), pruning the entries older than an age, and clearing them all.
 *
 * <p>Only entries are touched: {@code <dir>/<2 hex>/<sha256>.json} and the temporary files of writes that died. The
 * format file stays, and so does {@code batches/}: it names batches a run submitted and has not read yet, replies
 * already paid for. An entry without a write time (an earlier rpt's) counts as older than any age, as it does for
 * {@code rpt.cache.max-age}. Do not prune while a run writes to the same cache: an entry it has just read may go.
 */
@API(status = INTERNAL, since = "0.1")
public final class CacheInventory {

    private static final Pattern SHARD = Pattern.compile("[0-9a-f]{2}");
    private static final Pattern ENTRY = Pattern.compile("[0-9a-f]{64}\\.json");

    /** The age buckets of {@link Survey#ages()}, each up to its bound. */
    private static final Map<String, Duration> BUCKETS = buckets();

    private final Path dir;
    private final InstantSource clock;

    /**
     * @param dir the cache's root directory
     * @param clock what "now" is, for ages
     */
    public CacheInventory(Path dir, InstantSource clock) {
        this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The cache a configuration names ({@code rpt.cache.dir}, else {@code $XDG_CACHE_HOME/rpt}, else {@code
     * ~/.cache/rpt}), with a relative {@code rpt.cache.dir} taken from {@code base}, as a test run in that project
     * takes it.
     */
    public static CacheInventory of(RptConfig config, UnaryOperator<String> environment, Path userHome, Path base) {
        return new CacheInventory(CacheDirectory.resolve(config, environment, userHome, base), InstantSource.system());
    }

    /** The cache's root directory. */
    public Path dir() {
        return dir;
    }

    /**
     * How many entries the cache holds, their bytes and ages.
     *
     * @param entries the entries
     * @param bytes their size on disk
     * @param oldest the write time of the oldest entry that has one
     * @param newest the write time of the newest entry that has one
     * @param undated entries an earlier rpt wrote, without a write time
     * @param unreadable files named as entries that are not sound entries (rpt deletes them when it meets them)
     * @param ages how many dated entries are in each age bucket, youngest first, e.g. {@code under 1 day}
     */
    public record Survey(
            long entries,
            long bytes,
            Optional<Instant> oldest,
            Optional<Instant> newest,
            long undated,
            long unreadable,
            Map<String, Long> ages) {

        public Survey {
            Objects.requireNonNull(oldest, "oldest");
            Objects.requireNonNull(newest, "newest");
            ages = Collections.unmodifiableMap(new LinkedHashMap<>(ages));
        }

        /** The survey as lines for a log, measured from {@code now}. */
        public List<String> lines(Instant now) {
            List<String> lines = new ArrayList<>();
            lines.add(CacheInventory.entries(entries) + ", " + size(bytes));
            if (oldest.isPresent()) {
                lines.add("written " + LocalDate.ofInstant(oldest.get(), ZoneOffset.UTC) + " to "
                        + LocalDate.ofInstant(newest.get(), ZoneOffset.UTC) + " (oldest "
                        + CachedAnswers.ago(Duration.between(oldest.get(), now)) + ", newest "
                        + CachedAnswers.ago(Duration.between(newest.get(), now)) + ")");
            }
            ages.forEach((bucket, count) -> {
                if (count > 0) {
                    lines.add("  " + bucket + ": " + count);
                }
            });
            if (undated > 0) {
                lines.add("  without a write time (recorded by an earlier rpt; older than any age limit): " + undated);
            }
            if (unreadable > 0) {
                lines.add("  unreadable (deleted when a run meets them): " + unreadable);
            }
            return lines;
        }
    }

    /**
     * What a prune or a clear removed.
     *
     * @param entries the entries removed
     * @param bytes their size on disk
     */
    public record Removal(long entries, long bytes) {

        /** E.g. {@code 120 entries (310.5 kB)}. */
        @Override
        public String toString() {
            return CacheInventory.entries(entries) + " (" + size(bytes) + ")";
        }
    }

    /** Reads every entry's write time. An absent directory is an empty cache. */
    public Survey survey() throws IOException {
        Instant now = clock.instant();
        long entries = 0;
        long bytes = 0;
        long undated = 0;
        long unreadable = 0;
        Optional<Instant> oldest = Optional.empty();
        Optional<Instant> newest = Optional.empty();
        Map<String, Long> ages = new LinkedHashMap<>();
        BUCKETS.keySet().forEach(bucket -> ages.put(bucket, 0L));
        for (Path file : entryFiles()) {
            entries++;
            bytes += Files.size(file);
            Optional<Optional<Instant>> written = writtenAt(file);
            if (written.isEmpty()) {
                unreadable++;
            } else if (written.get().isEmpty()) {
                undated++;
            } else {
                Instant at = written.get().get();
                oldest = oldest.isEmpty() || at.isBefore(oldest.get()) ? Optional.of(at) : oldest;
                newest = newest.isEmpty() || at.isAfter(newest.get()) ? Optional.of(at) : newest;
                ages.merge(bucket(Duration.between(at, now)), 1L, Long::sum);
            }
        }
        return new Survey(entries, bytes, oldest, newest, undated, unreadable, ages);
    }

    /**
     * Deletes the entries written more than {@code maxAge} ago, those without a write time, and unreadable ones.
     */
    public Removal prune(Duration maxAge) throws IOException {
        Objects.requireNonNull(maxAge, "maxAge");
        Instant limit = clock.instant().minus(maxAge);
        long entries = 0;
        long bytes = 0;
        for (Path file : entryFiles()) {
            Optional<Instant> written = writtenAt(file).flatMap(at -> at);
            if (written.isEmpty() || written.get().isBefore(limit)) {
                bytes += Files.size(file);
                Files.deleteIfExists(file);
                entries++;
            }
        }
        removeEmptyShards();
        return new Removal(entries, bytes);
    }

    /** Deletes every entry, and the temporary files of writes that died. */
    public Removal clear() throws IOException {
        long entries = 0;
        long bytes = 0;
        for (Path shard : shards()) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(shard)) {
                for (Path file : files) {
                    boolean entry = ENTRY.matcher(file.getFileName().toString()).matches();
                    if (entry || file.getFileName().toString().endsWith(".tmp")) {
                        bytes += entry ? Files.size(file) : 0;
                        Files.deleteIfExists(file);
                        entries += entry ? 1 : 0;
                    }
                }
            }
        }
        removeEmptyShards();
        return new Removal(entries, bytes);
    }

    /**
     * The write time of an entry file: empty when it is no sound entry, an empty time when it has none.
     */
    private static Optional<Optional<Instant>> writtenAt(Path file) {
        try {
            ResponseCache.EntryJson entry =
                    JsonFiles.parse(Files.readString(file, StandardCharsets.UTF_8), ResponseCache.EntryJson.class);
            String name = file.getFileName().toString();
            if (!name.equals(entry.key() + ".json")) {
                return Optional.empty();
            }
            return Optional.of(entry.written());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private List<Path> shards() throws IOException {
        List<Path> shards = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                if (Files.isDirectory(child)
                        && SHARD.matcher(child.getFileName().toString()).matches()) {
                    shards.add(child);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return shards;
    }

    private List<Path> entryFiles() throws IOException {
        List<Path> entries = new ArrayList<>();
        for (Path shard : shards()) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(shard)) {
                for (Path file : files) {
                    if (ENTRY.matcher(file.getFileName().toString()).matches() && Files.isRegularFile(file)) {
                        entries.add(file);
                    }
                }
            }
        }
        return entries;
    }

    private void removeEmptyShards() throws IOException {
        for (Path shard : shards()) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(shard)) {
                if (!files.iterator().hasNext()) {
                    Files.deleteIfExists(shard);
                }
            }
        }
    }

    private static String bucket(Duration age) {
        for (Map.Entry<String, Duration> bucket : BUCKETS.entrySet()) {
            if (age.compareTo(bucket.getValue()) < 0) {
                return bucket.getKey();
            }
        }
        throw new IllegalStateException("the last bucket has no bound");
    }

    private static Map<String, Duration> buckets() {
        Map<String, Duration> buckets = new LinkedHashMap<>();
        buckets.put("under 1 day", Duration.ofDays(1));
        buckets.put("1 to 7 days", Duration.ofDays(7));
        buckets.put("7 to 30 days", Duration.ofDays(30));
        buckets.put("30 to 90 days", Duration.ofDays(90));
        buckets.put("over 90 days", Duration.ofSeconds(Long.MAX_VALUE));
        return buckets;
    }

    private static String size(long bytes) {
        return bytes < 1_000_000
                ? String.format(Locale.ROOT, "%.1f kB", bytes / 1_000.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    private static String entries(long count) {
        return count + (count == 1 ? " entry" : " entries");
    }
}
