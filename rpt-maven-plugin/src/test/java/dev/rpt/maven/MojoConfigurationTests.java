package dev.rpt.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.config.ConfigSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MojoConfigurationTests {

    @TempDir
    Path project;

    @Test
    void pluginConfigurationWinsThenUserThenSystemThenTheProjectsFile() throws Exception {
        Path file = project.resolve("junit-platform.properties");
        Files.writeString(file, "rpt.provider=sim\nrpt.model=from-file\nrpt.tune.plateau=4\nrpt.seed=1\n");
        Properties user = properties("rpt.model", "from-user", "rpt.tune.dry-run", "true");
        Properties system = properties("rpt.model", "from-system", "rpt.tune.plateau", "2", "rpt.seed", "3");

        ConfigSource source =
                MojoConfiguration.layered(Map.of("rpt.model", "from-plugin", "rpt.seed", "9"), user, system, file);

        assertThat(source.get("rpt.model")).contains("from-plugin");
        assertThat(source.get("rpt.tune.dry-run")).contains("true");
        assertThat(source.get("rpt.tune.plateau")).contains("2");
        assertThat(source.get("rpt.seed")).contains("9");
        assertThat(source.get("rpt.provider")).contains("sim");
        assertThat(source.resolved())
                .containsEntry("rpt.model", "from-plugin")
                .containsEntry("rpt.provider", "sim")
                .containsEntry("rpt.tune.plateau", "2")
                .hasSize(5);
    }

    @Test
    void onlyRptKeysAndNoEmptyElementsAreKept() throws Exception {
        Map<String, String> plugin = new HashMap<>();
        plugin.put("rpt.model", null);
        plugin.put("other.key", "x");
        Properties system = properties("java.version", "17", "rpt.model", "from-system");

        ConfigSource source =
                MojoConfiguration.layered(plugin, new Properties(), system, project.resolve("missing.properties"));

        assertThat(source.keys()).containsExactly("rpt.model");
        assertThat(source.get("rpt.model")).contains("from-system");
    }

    @Test
    void unreadablePropertiesFileNamesTheFile() throws Exception {
        Path file = project.resolve("junit-platform.properties");
        Files.writeString(file, "rpt.model=\\u00zz\n");

        assertThatThrownBy(() -> MojoConfiguration.layered(Map.of(), new Properties(), new Properties(), file))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("properties file");
    }

    private static Properties properties(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }
}
