package dev.rpt.core.model.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.core.files.AtomicFiles;
import dev.rpt.core.files.JsonChecks;
import dev.rpt.core.files.JsonFiles;
import dev.rpt.core.files.Sha256;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.Excerpt;
import dev.rpt.prompt.StagingFile;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A content-addressed store of model replies on disk: {@code <dir>/<first 2 hex>/<sha256>.json}.
 *
 * <p>An entry holds its own key and the SHA-256 of its reply, so a file that was cut short, edited, or copied under
 * the wrong name is recognised; it is then logged, deleted and treated as a miss, because a cache must never turn a
 * run into a crash. Entries are written to a temporary file in the same directory and moved into place atomically,
 * so concurrent readers see either no entry or a whole one, and concurrent writers of one key (who write the same
 * reply) simply replace each other.
 *
 * <p>An entry holds the reply only: no request headers, settings or credentials ever reach this class. It also holds
 * when it was written ({@code writtenAt}, UTC), outside the checksum; a chat reply names the model snapshot that served
 * it in its own {@code model} and {@code systemFingerprint}. Entries an earlier rpt wrote have no {@code writtenAt} and
 * still read, and stay byte for byte as they are: a hit never rewrites an entry.
 */
final class ResponseCache {

    private static final System.Logger LOG = System.getLogger(ResponseCache.class.getName());
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    /** The file at the cache's root that states the format its entries were written in. */
    static final String FORMAT_FILE = "rpt-cache.json";

    private final Path dir;
    private final InstantSource clock;

    ResponseCache(Path dir) {
        this(dir, InstantSource.system());
    }

    /** @param clock when entries are written, stated in each new entry */
    ResponseCache(Path dir, InstantSource clock) {
        this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A stored value with the time its entry was written.
     *
     * @param writtenAt empty for an entry written before entries stated it
     */
    record Entry<T>(T value, Optional<Instant> writtenAt) {

        Entry {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(writtenAt, "writtenAt");
        }
    }

    /** The root directory of the cache. */
    Path dir() {
        return dir;
    }

    /** Where the entry of a key lives. */
    Path pathOf(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a cache key is 64 lower-case hex digits, got " + key);
        }
        return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
    }

    /**
     * Whether a key has an entry, without reading it: the batch prefetcher asks this of every request of a run, and the
     * run reads each entry anyway. An entry found unsound then is deleted and its request sent directly.
     */
    boolean contains(String key) {
        return Files.isRegularFile(pathOf(key));
    }

    /** The stored reply of a key, if there is a sound entry; an unsound one is deleted. */
    Optional<ChatResponse> read(String key) {
        return read(key, ChatResponse.class);
    }

    /**
     * The stored reply of a key as a {@code type}, e.g. {@link dev.rpt.core.model.Embeddings}, if there is a sound
     * entry; an unsound one is deleted.
     */
    <T> Optional<T> read(String key, Class<T> type) {
        return entry(key, type).map(Entry::value);
    }

    /** The stored value of a key with its write time, if there is a sound entry; an unsound one is deleted. */
    <T> Optional<Entry<T>> entry(String key, Class<T> type) {
        Path path = pathOf(key);
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot read rpt cache entry {0} ({1}); calling the model instead.", path, e);
            return Optional.empty();
        }
        try {
            return Optional.of(verified(key, text, type));
        } catch (IOException | RuntimeException e) {
            discard(path, Excerpt.of(e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * The entry format the cache's entries were written in, when it is not this rpt's: a replay that misses can then
     * say why. Empty when the cache states this rpt's format, or states none (an empty or a hand-made directory).
     */
    Optional<Integer> foreignFormat() {
        Path file = dir.resolve(FORMAT_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            int format = JsonFiles.parse(Files.readString(file, StandardCharsets.UTF_8), FormatJson.class)
                    .format();
            return format == CacheKey.FORMAT_VERSION ? Optional.empty() : Optional.of(format);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot read {0} ({1}); assuming this rpt wrote the cache.", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Stores a reply under a key. A failure to write is logged, not thrown: the reply itself is fine. */
    void write(String key, Object response) {
        Path path = pathOf(key);
        Path temp = null;
        try {
            stateFormat();
            Files.createDirectories(path.getParent());
            temp = StagingFile.create(path, key + ".", ".tmp");
            Files.writeString(temp, entryText(key, response), StandardCharsets.UTF_8);
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException e) {
            // Some file systems refuse to replace an existing file atomically; another writer then won the race.
            if (!Files.isRegularFile(path)) {
                LOG.log(Level.WARNING, "Cannot write rpt cache entry {0}: {1}", path, e.toString());
            }
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // A stray *.tmp file is never read as an entry.
                }
            }
        }
    }

    /** Writes the cache's format once, so that an rpt with another entry format can say why nothing matches. */
    private void stateFormat() throws IOException {
        Path file = dir.resolve(FORMAT_FILE);
        if (!Files.isRegularFile(file)) {
            Files.createDirectories(dir);
            AtomicFiles.writeString(file, JsonFiles.text(new FormatJson(CacheKey.FORMAT_VERSION)));
        }
    }

    private String entryText(String key, Object response) {
        JsonNode payload = JsonFiles.mapper().valueToTree(response);
        // Whole seconds: an age limit counts in hours and days, and a shorter stamp reads better in a committed diff.
        String writtenAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        return JsonFiles.text(new EntryJson(
                CacheKey.FORMAT_VERSION, key, writtenAt, Sha256.hex(JsonFiles.compactText(payload)), payload));
    }

    private static <T> Entry<T> verified(String key, String text, Class<T> type) throws IOException {
        EntryJson entry = JsonFiles.parse(text, EntryJson.class);
        if (entry.format() != CacheKey.FORMAT_VERSION) {
            throw new IOException("format " + entry.format() + ", expected " + CacheKey.FORMAT_VERSION);
        }
        if (!key.equals(entry.key())) {
            throw new IOException("it holds key " + entry.key() + ", not its file name's");
        }
        if (!Sha256.hex(JsonFiles.compactText(entry.response())).equals(entry.responseSha256())) {
            throw new IOException("the response does not match its checksum");
        }
        return new Entry<>(JsonFiles.mapper().treeToValue(entry.response(), type), entry.written());
    }

    /**
     * One entry: the reply under its key, with the SHA-256 of the reply's compact JSON, so that an edited or truncated
     * entry is recognised. The reply stays a tree: its checksum is taken over the bytes as stored.
     *
     * @param writtenAt when the entry was written, an ISO-8601 UTC instant; null in entries written before the field
     *     existed, which are then left out of the file rather than written as null
     */
    @JsonPropertyOrder({"format", "key", "writtenAt", "responseSha256", "response"})
    record EntryJson(
            int format,
            String key,
            @JsonInclude(JsonInclude.Include.NON_NULL) String writtenAt,
            String responseSha256,
            JsonNode response) {

        EntryJson {
            JsonChecks.text(key, "key");
            JsonChecks.text(responseSha256, "responseSha256");
            if (response == null || !response.isObject()) {
                throw new IllegalArgumentException("response: must be an object");
            }
            if (writtenAt != null) {
                try {
                    Instant.parse(writtenAt);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("writtenAt: must be an ISO-8601 instant, got " + writtenAt);
                }
            }
        }

        Optional<Instant> written() {
            return Optional.ofNullable(writtenAt).map(Instant::parse);
        }
    }

    /** The cache's {@value #FORMAT_FILE}: the entry format its entries were written in. */
    record FormatJson(int format) {}

    private static void discard(Path path, String reason) {
        LOG.log(
                Level.WARNING,
                "Ignoring corrupt rpt cache entry {0} ({1}); deleting it and calling the model instead.",
                path,
                reason);
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot delete corrupt rpt cache entry {0}: {1}", path, e.toString());
        }
    }
}
