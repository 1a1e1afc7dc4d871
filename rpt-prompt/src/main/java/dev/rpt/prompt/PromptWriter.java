package dev.rpt.prompt;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * Writes a prompt file atomically, so that a crash or an error mid-write never leaves a half-written prompt behind.
 *
 * <p>The text is first parsed: text that is not a valid prompt is refused before anything is written. It is then
 * written to a {@link StagingFile} in the same directory (so the final move never crosses file systems, and the file
 * keeps its permissions or gets a new file's), forced to disk,
 * and moved over the target with {@link StandardCopyOption#ATOMIC_MOVE}. Only when the file system does not support
 * an atomic move does it fall back to {@link StandardCopyOption#REPLACE_EXISTING}, which on such file systems may
 * briefly expose a missing or partial target. On any failure the target is untouched and the temporary file is
 * deleted.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PromptWriter {

    private final UnaryOperator<OutputStream> streams;

    /** A writer that writes straight to disk. */
    public PromptWriter() {
        this(UnaryOperator.identity());
    }

    /** A writer whose output stream is wrapped by {@code streams}: tests use it to inject failures mid-write. */
    PromptWriter(UnaryOperator<OutputStream> streams) {
        this.streams = Objects.requireNonNull(streams, "streams");
    }

    /**
     * Writes {@code prompt}'s text to {@code target}.
     *
     * @return the prompt as parsed from the written text, named by {@code target}
     * @throws PromptFormatException if the text is not a valid prompt (nothing is written)
     * @throws IOException if writing or moving fails (the target is unchanged)
     */
    public PromptFile write(Path target, PromptFile prompt) throws IOException {
        return write(target, prompt.text());
    }

    /**
     * Writes {@code text} to {@code target} after checking that it parses as a prompt.
     *
     * @return the prompt as parsed from the written text, named by {@code target}
     * @throws PromptFormatException if the text is not a valid prompt (nothing is written)
     * @throws IOException if writing or moving fails (the target is unchanged)
     */
    public PromptFile write(Path target, String text) throws IOException {
        PromptFile parsed = PromptFile.parse(target.toString(), text);
        Path directory = target.toAbsolutePath().getParent();
        Path temp = StagingFile.create(target, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = streams.apply(Channels.newOutputStream(channel))) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
                channel.force(true);
            }
            move(temp, target);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        syncDirectory(directory);
        return parsed;
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    // Makes the rename itself durable where the platform allows it; some (Windows) cannot open a directory.
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort only: the new content is already in place.
        }
    }
}
