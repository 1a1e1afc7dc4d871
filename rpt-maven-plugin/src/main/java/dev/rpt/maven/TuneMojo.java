package dev.rpt.maven;

import dev.rpt.tools.tune.TuneFlow;
import dev.rpt.tools.tune.TuneStopped;
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
 * {@code rpt:tune}: tunes the project's prompts with the reflective loop. An optimizer model evaluates candidates on
 * the project's own prompt tests, reads the diagnosed failure modes, patches the prompt, and the best candidate on
 * the selection cases is written back to the prompt's source file if the confirmation cases adopt it ({@code rpt.tune.dry-run}
 * only prints the diff). Bound to no phase: run it by hand.
 */
@Mojo(name = "tune", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = false)
@Execute(phase = LifecyclePhase.TEST_COMPILE)
public class TuneMojo extends AbstractRptMojo {

    /** Skips {@code rpt:tune} only. */
    @Parameter(property = "rpt.tune.skip", defaultValue = "false")
    protected boolean skipTune;

    @Override
    protected boolean skipGoal() {
        return skipTune;
    }

    @Override
    protected String skipProperty() {
        return "rpt.tune.skip";
    }

    @Override
    protected String goalName() {
        return "rpt:tune";
    }

    /** The plugin's own artifacts: the engine and launcher jars the isolated loader adds when the project lacks them. */
    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    protected List<Artifact> pluginArtifacts;

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        try {
            TuneFlow.tune(
                    MavenProjectTuning.build(project, pluginArtifacts, goalName()),
                    configurationSource(),
                    MavenProjectTuning.mavenLog(getLog()));
        } catch (TuneStopped e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException(goalName() + " failed: " + e.getMessage(), e);
        }
    }
}
