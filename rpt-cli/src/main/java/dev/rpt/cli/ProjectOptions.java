package dev.rpt.cli;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.ConfigSource;
import dev.rpt.core.config.RptConstants;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/** Where the project is and how it is configured: the options every command takes. */
final class ProjectOptions {

    @Option(names = "--project", description = "The project's directory (default: the current one).")
    Path project = Path.of(".");

    @Option(
            names = "--build-dir",
            description = "The build's output directory, relative to the project (default: target; build for Gradle).")
    Path buildDirectory = Path.of("target");

    @Option(
            names = "--resources",
            split = ",",
            description = "The resource directories, main then test, relative to the project"
                    + " (default: src/main/resources,src/test/resources).")
    List<Path> resources = List.of(Path.of("src/main/resources"), Path.of("src/test/resources"));

    @Option(
            names = "-D",
            paramLabel = "rpt.key=value",
            description = "A configuration key; wins over --properties, system properties and the project's"
                    + " src/test/resources/junit-platform.properties.")
    Map<String, String> keys = new LinkedHashMap<>();

    @Option(names = "--properties", description = "A properties file of rpt.* keys.")
    Path properties;

    Path base() {
        return project.toAbsolutePath().normalize();
    }

    Path build() {
        return base().resolve(buildDirectory);
    }

    List<Path> resourceDirectories() {
        List<Path> directories = new ArrayList<>();
        resources.forEach(directory -> directories.add(base().resolve(directory)));
        return directories;
    }

    /**
     * The layered configuration, the first that sets a key winning: {@code -D}, {@code --properties}, the JVM's system
     * properties, the project's {@code src/test/resources/junit-platform.properties} (which the prompt tests read too).
     */
    ConfigSource configuration() {
        return ConfigSource.layered(List.of(
                ConfigSource.of(checked(keys)),
                ConfigSource.of(properties == null ? Map.of() : read(base().resolve(properties))),
                ConfigSource.systemProperties(),
                ConfigSource.of(read(base().resolve("src/test/resources/junit-platform.properties")))));
    }

    /** The {@code -D} keys, each an {@code rpt.*} key: another one is a mistake worth saying. */
    private static Map<String, String> checked(Map<String, String> keys) {
        keys.keySet().stream()
                .filter(key -> !key.startsWith(RptConstants.PREFIX))
                .findFirst()
                .ifPresent(key -> {
                    throw new ConfigException("-D" + key + " is not an rpt key: the command line takes rpt.* keys only"
                            + " (docs/configuration.md); set other system properties with RPT_OPTS.");
                });
        return keys;
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        Properties loaded = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            loaded.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("Cannot read " + file + ": " + e.getMessage()
                    + ". Fix the file; it must be a Java properties file as the JUnit Platform reads it.");
        }
        loaded.stringPropertyNames().forEach(name -> values.put(name, loaded.getProperty(name)));
        return rptOnly(values);
    }

    private static Map<String, String> rptOnly(Map<String, String> values) {
        Map<String, String> kept = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(RptConstants.PREFIX)) {
                kept.put(key, value);
            }
        });
        return kept;
    }
}
