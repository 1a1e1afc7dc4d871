package dev.rpt.maven;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The URLs of the isolated class loader: the project's test classpath, plus the engine and the JUnit Platform
 * launcher from the plugin's own artifacts when the project does not bring them (Surefire usually supplies the
 * launcher, so test classpaths often lack it).
 */
final class IsolatedClassPath {

    /** What the launcher needs besides the project: group:artifact ids, in the order they are added. */
    static final List<String> REQUIRED =
            List.of("dev.rpt:rpt-junit-engine", "org.junit.platform:junit-platform-launcher");

    private IsolatedClassPath() {}

    /**
     * @param testClasspath the project's test classpath elements, test classes first
     * @param projectArtifacts the group:artifact ids on the project's test classpath
     * @param pluginArtifacts the plugin's own artifact files by group:artifact id
     */
    static List<URL> urls(List<String> testClasspath, Set<String> projectArtifacts, Map<String, File> pluginArtifacts)
            throws MojoExecutionException {
        List<URL> urls = new ArrayList<>();
        for (String element : testClasspath) {
            urls.add(url(Path.of(element)));
        }
        for (String key : REQUIRED) {
            if (!projectArtifacts.contains(key)) {
                File file = pluginArtifacts.get(key);
                if (file == null) {
                    throw new MojoExecutionException(
                            "The rpt plugin lacks its own " + key + " artifact; reinstall the plugin.");
                }
                urls.add(url(file.toPath()));
            }
        }
        return urls;
    }

    private static URL url(Path path) throws MojoExecutionException {
        try {
            return path.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new MojoExecutionException("Cannot put " + path + " on the class path: " + e.getMessage(), e);
        }
    }
}
