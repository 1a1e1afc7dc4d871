package dev.rpt.junit.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The file a user edits for a prompt that the build copied to the classpath: for {@code
 * <project>/target/classes/prompts/math.prompt}, {@code <project>/src/main/resources/prompts/math.prompt} (or the
 * test resources), when that file has the same bytes. Errors then name the file to fix, not the copy that the next
 * build overwrites. A copy that differs from its source (resource filtering) is read as it is.
 */
final class PromptSourceFile {

    private static final List<String> OUTPUT_DIRECTORIES = List.of("target/classes", "target/test-classes");
    private static final List<String> SOURCE_DIRECTORIES = List.of("src/main/resources", "src/test/resources");

    private PromptSourceFile() {}

    /** The source of {@code copy}, the classpath file of {@code resource}, or {@code copy} when it has none. */
    static Path of(Path copy, String resource) {
        Path normalized = copy.toAbsolutePath().normalize();
        for (String output : OUTPUT_DIRECTORIES) {
            Path suffix = Path.of(output).resolve(resource);
            if (!normalized.endsWith(suffix)) {
                continue;
            }
            Path project = root(normalized, suffix.getNameCount());
            for (String sources : SOURCE_DIRECTORIES) {
                Path candidate = project.resolve(sources).resolve(resource);
                if (sameBytes(candidate, normalized)) {
                    return candidate;
                }
            }
        }
        return copy;
    }

    private static Path root(Path file, int levels) {
        Path root = file;
        for (int i = 0; i < levels; i++) {
            root = root.getParent();
        }
        return root;
    }

    private static boolean sameBytes(Path a, Path b) {
        try {
            return Files.isRegularFile(a) && Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
        } catch (IOException e) {
            return false;
        }
    }
}
