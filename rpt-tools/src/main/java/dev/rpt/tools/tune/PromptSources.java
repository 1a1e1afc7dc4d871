package dev.rpt.tools.tune;

import dev.rpt.core.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the source file of a prompt resource: {@code <resource directory>/<resource>}, the file the tuner rewrites.
 * The run reads the prompt from the classpath copy in {@code target/}; only the source is worth tuning.
 */
final class PromptSources {

    private PromptSources() {}

    /**
     * @param resource the resource the classes name, e.g. {@code prompts/math.prompt}
     * @param resourceDirectories the project's resource directories, main before test
     * @param basedir the project's base directory; the tuner writes nothing outside it
     * @throws ConfigException when no directory holds the file, or the file lies outside the project
     */
    static Path locate(String resource, List<Path> resourceDirectories, Path basedir) {
        Path project = real(basedir.toAbsolutePath().normalize());
        List<String> searched = new ArrayList<>();
        for (Path directory : resourceDirectories) {
            Path candidate = directory.toAbsolutePath().resolve(resource).normalize();
            searched.add(candidate.toString());
            if (!Files.isRegularFile(candidate)) {
                continue;
            }
            Path file = real(candidate);
            if (!file.startsWith(project)) {
                throw new ConfigException("The prompt '" + resource + "' resolves to " + file
                        + ", outside the project " + project + ". rpt writes only prompt files inside the project:"
                        + " move the prompt into src/main/resources or src/test/resources, or fix the resource"
                        + " directory in the pom.");
            }
            return file;
        }
        throw new ConfigException("The prompt '" + resource + "' has no source file in the project's resource"
                + " directories (looked for " + String.join(", ", searched) + "). Keep the prompt under"
                + " src/main/resources or src/test/resources, or set rpt.tune.prompt to a prompt the project owns.");
    }

    private static Path real(Path path) {
        try {
            // Symbolic links could lead out of the project; compare where the file really is.
            return Files.exists(path) ? path.toRealPath() : path;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot resolve " + path + ": " + e.getMessage(), e);
        }
    }
}
