package dev.rpt.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class IsolatedClassPathTests {

    private static final File ENGINE = new File("/repo/rpt-junit-engine.jar");
    private static final File LAUNCHER = new File("/repo/junit-platform-launcher.jar");
    private static final Map<String, File> PLUGIN =
            Map.of("dev.rpt:rpt-junit-engine", ENGINE, "org.junit.platform:junit-platform-launcher", LAUNCHER);

    @Test
    void addsThePluginsLauncherWhenTheProjectLacksIt() throws Exception {
        List<URL> urls = IsolatedClassPath.urls(
                List.of("/p/target/test-classes", "/p/target/classes"), Set.of("dev.rpt:rpt-junit-engine"), PLUGIN);

        assertThat(urls)
                .containsExactly(
                        url("/p/target/test-classes"),
                        url("/p/target/classes"),
                        LAUNCHER.toURI().toURL());
    }

    @Test
    void keepsTheProjectsOwnJarsAndAddsNothing() throws Exception {
        List<URL> urls = IsolatedClassPath.urls(
                List.of("/p/target/test-classes"),
                Set.of("dev.rpt:rpt-junit-engine", "org.junit.platform:junit-platform-launcher"),
                PLUGIN);

        assertThat(urls).containsExactly(url("/p/target/test-classes"));
    }

    @Test
    void aPluginWithoutItsOwnArtifactIsOneClearError() {
        assertThatThrownBy(() -> IsolatedClassPath.urls(List.of(), Set.of(), Map.of()))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("dev.rpt:rpt-junit-engine");
    }

    private static URL url(String path) throws Exception {
        return Path.of(path).toUri().toURL();
    }
}
