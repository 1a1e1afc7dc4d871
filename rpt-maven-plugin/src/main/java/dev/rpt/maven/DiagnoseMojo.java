package dev.rpt.maven;

import dev.rpt.tools.tune.TuneFlow;
import java.io.IOException;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code rpt:diagnose}: runs the diagnostic function once on each prompt as it is (one evaluation, no optimizer) and
 * prints the recurring failure modes of its optimization-split cases. It changes no file.
 */
@Mojo(name = "diagnose", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = false)
@Execute(phase = LifecyclePhase.TEST_COMPILE)
public class DiagnoseMojo extends AbstractRptMojo {

    /** Skips {@code rpt:diagnose} only. */
    @Parameter(property = "rpt.diagnose.skip", defaultValue = "false")
    protected boolean skipDiagnose;

    @Override
    protected boolean skipGoal() {
        return skipDiagnose;
    }

    @Override
    protected String skipProperty() {
        return "rpt.diagnose.skip";
    }

    @Override
    protected String goalName() {
        return "rpt:diagnose";
    }

    /** The plugin's own artifacts: the engine and launcher jars the isolated loader adds when the project lacks them. */
    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    protected List<Artifact> pluginArtifacts;

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        try {
            TuneFlow.diagnose(
                    MavenProjectTuning.build(project, pluginArtifacts, goalName()),
                    configurationSource(),
                    MavenProjectTuning.mavenLog(getLog()));
        } catch (IOException e) {
            throw new MojoExecutionException(goalName() + " failed: " + e.getMessage(), e);
        }
    }
}
