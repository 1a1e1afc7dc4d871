package dev.rpt.maven;

import dev.rpt.tools.flow.CheckFlow;
import dev.rpt.tools.flow.Wording;
import dev.rpt.tools.tune.IsolatedPromptTests;
import dev.rpt.tools.tune.ProjectTuning;
import dev.rpt.tools.tune.TuneFlow;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * What only Maven knows for a {@link TuneFlow}: the project's test class path (with the plugin's own engine and
 * launcher jars when the project lacks them), its directories, and Maven's log. The flow itself is in rpt-tools.
 */
final class MavenProjectTuning {

    private MavenProjectTuning() {}

    /** The project as the flow needs it; fails when there are no compiled test classes to run. */
    static TuneFlow.Build build(MavenProject project, List<Artifact> pluginArtifacts, String goal)
            throws MojoExecutionException {
        Path testClasses = Path.of(project.getBuild().getTestOutputDirectory());
        if (!Files.isDirectory(testClasses)) {
            throw new MojoExecutionException("There are no compiled test classes in " + testClasses
                    + ". Compile them first: ./mvnw test-compile " + goal + ".");
        }
        List<URL> classPath = classPath(project, pluginArtifacts);
        return new TuneFlow.Build(
                layout(project),
                List.of(testClasses, Path.of(project.getBuild().getOutputDirectory())),
                configuration -> IsolatedPromptTests.open(classPath, configuration, List.of(testClasses)));
    }

    /** The project as the gate's flows need it; {@code goal} names the goal in messages. */
    static CheckFlow.Project checkProject(MavenProject project, Path reportDirectory, String goal) {
        return new CheckFlow.Project(
                project.getBasedir().toPath(),
                reportDirectory,
                layout(project).resourceDirectories(),
                goal,
                "run mvn verify (or mvn test " + goal + ")",
                Wording.MAVEN);
    }

    static ProjectTuning.Project layout(MavenProject project) {
        List<Path> resources = new ArrayList<>();
        for (Resource resource : project.getResources()) {
            resources.add(Path.of(resource.getDirectory()));
        }
        for (Resource resource : project.getTestResources()) {
            resources.add(Path.of(resource.getDirectory()));
        }
        return new ProjectTuning.Project(
                project.getBasedir().toPath(), Path.of(project.getBuild().getDirectory()), resources);
    }

    static ProjectTuning.Log mavenLog(Log log) {
        return ProjectTuning.Log.of(log::info, log::warn);
    }

    private static List<URL> classPath(MavenProject project, List<Artifact> pluginArtifacts)
            throws MojoExecutionException {
        List<String> classpath;
        try {
            classpath = project.getTestClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("Cannot resolve the test classpath: " + e.getMessage(), e);
        }
        Set<String> projectKeys = new LinkedHashSet<>();
        for (Artifact artifact : project.getArtifacts()) {
            projectKeys.add(artifact.getGroupId() + ":" + artifact.getArtifactId());
        }
        Map<String, File> pluginFiles = new LinkedHashMap<>();
        for (Artifact artifact : pluginArtifacts) {
            pluginFiles.put(artifact.getGroupId() + ":" + artifact.getArtifactId(), artifact.getFile());
        }
        return IsolatedClassPath.urls(classpath, projectKeys, pluginFiles);
    }
}
