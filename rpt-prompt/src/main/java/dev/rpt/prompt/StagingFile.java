package dev.rpt.prompt;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;
import org.apiguardian.api.API;

/**
 * The new, empty file that an atomic write fills and then moves over its target, with the permissions the target
 * will keep. {@link Files#createTempFile} would make every file rpt writes owner-only ({@code 0600}), the HTML report
 * a colleague opens and the prompt a team shares included; so the file is created as any new file is, with the
 * permissions the user's umask gives, and takes the target's own permissions when the target exists (a prompt made
 * group-writable stays so). Every module that writes atomically uses it: the prompt writer here, and rpt-core's
 * reports and response cache, which depend on this module.
 */
@API(status = INTERNAL, since = "0.2")
public final class StagingFile {

    private StagingFile() {}

    /**
     * Creates {@code <prefix><random><suffix>} in the target's directory, which must exist.
     *
     * @param target the file the staging file will replace
     * @param prefix the start of the staging file's name, e.g. the target's name and a dot
     * @param suffix the end of its name, e.g. {@code .tmp}
     * @throws IOException when the file cannot be created or its permissions cannot be set
     */
    public static Path create(Path target, String prefix, String suffix) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        while (true) {
            // The name only needs to be unlikely to be taken: createFile refuses an existing name (or link), and the
            // loop then draws another.
            String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            Path file = directory.resolve(prefix + random + suffix);
            try {
                Files.createFile(file);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            try {
                keepPermissionsOf(target, file);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return file;
        }
    }

    // POSIX only: elsewhere there are no such permissions to keep, and a new file's defaults are all there is.
    private static void keepPermissionsOf(Path target, Path file) throws IOException {
        PosixFileAttributeView existing = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        PosixFileAttributeView created = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (existing != null && created != null && Files.isRegularFile(target)) {
            created.setPermissions(existing.readAttributes().permissions());
        }
    }
}
