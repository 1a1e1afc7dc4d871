package dev.rpt.core.files;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.prompt.StagingFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apiguardian.api.API;

/**
 * Writes the files rpt leaves for people and tools (reports, baselines) so that a reader sees the old file or the
 * new one, never a part of one: the text goes to a {@link StagingFile} in the same directory, which then replaces the
 * target, atomically where the file system can. The file keeps the target's permissions, or gets those of any new
 * file.
 */
@API(status = INTERNAL, since = "0.1")
public final class AtomicFiles {

    private AtomicFiles() {}

    /**
     * Replaces {@code target} with {@code text} in UTF-8, creating its directory if needed.
     *
     * @throws IOException when the directory or the file cannot be written; the target is then unchanged
     */
    public static void writeString(Path target, String text) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path part = StagingFile.create(absolute, absolute.getFileName() + ".", ".part");
        try {
            Files.writeString(part, text, StandardCharsets.UTF_8);
            move(part, absolute);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /**
     * Moves {@code source} over {@code target}: atomically, or, on a file system that cannot (some network and
     * container mounts), as a plain replace.
     */
    public static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
