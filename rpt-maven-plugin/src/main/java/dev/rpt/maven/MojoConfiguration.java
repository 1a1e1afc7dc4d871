package dev.rpt.maven;

import dev.rpt.core.config.ConfigSource;
import dev.rpt.core.config.RptConstants;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The {@code rpt.*} configuration of a goal, layered as the manual says: the plugin's {@code <configuration>} wins,
 * then user properties ({@code -Drpt.x=y}), then system properties, then the project's {@code
 * src/test/resources/junit-platform.properties}, so a project that runs its prompt tests with {@code
 * rpt.provider=sim} there tunes with the simulator too.
 */
final class MojoConfiguration {

    /** Where the project keeps the properties its prompt tests read. */
    static final String JUNIT_PLATFORM_PROPERTIES = "src/test/resources/junit-platform.properties";

    private MojoConfiguration() {}

    /**
     * @param plugin the {@code <properties>} of the plugin's {@code <configuration>}; null values (empty elements)
     *     count as unset
     * @param user Maven's user properties
     * @param system the JVM's system properties
     * @param junitPlatformProperties the project's file; a missing file is an empty layer
     * @throws MojoExecutionException naming the file when it exists but cannot be read
     */
    static ConfigSource layered(
            Map<String, String> plugin, Properties user, Properties system, Path junitPlatformProperties)
            throws MojoExecutionException {
        return ConfigSource.layered(List.of(
                ConfigSource.of(rptOnly(plugin == null ? Map.of() : plugin)),
                ConfigSource.of(rptOnly(user)),
                ConfigSource.of(rptOnly(system)),
                ConfigSource.of(rptOnly(read(junitPlatformProperties)))));
    }

    private static Properties read(Path file) throws MojoExecutionException {
        Properties properties = new Properties();
        if (!Files.isRegularFile(file)) {
            return properties;
        }
        // Properties.load(InputStream) reads ISO-8859-1 with \\u escapes, exactly as the JUnit Platform does.
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoExecutionException(
                    "Cannot read " + file + ": " + e.getMessage()
                            + ". Fix the file; it must be a Java properties file as the JUnit Platform reads it.",
                    e);
        }
        return properties;
    }

    private static Map<String, String> rptOnly(Properties properties) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            values.put(name, properties.getProperty(name));
        }
        return rptOnly(values);
    }

    private static Map<String, String> rptOnly(Map<String, String> values) {
        Map<String, String> kept = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key != null && value != null && key.startsWith(RptConstants.PREFIX)) {
                kept.put(key, value);
            }
        });
        return kept;
    }
}
