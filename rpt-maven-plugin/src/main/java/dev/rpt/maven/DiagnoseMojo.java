package dev.rpt.maven;

import dev.rpt.core.report.RunReport;
import dev.rpt.core.thresholds.Thresholds;
import dev.rpt.core.tune.DiagnosticFunction;
import dev.rpt.core.tune.DiagnosticFunctions;
import dev.rpt.core.tune.Evaluation;
import dev.rpt.core.tune.Goals;
import dev.rpt.core.tune.TuneOutput;
import dev.rpt.prompt.PromptFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        forEachPrompt(false, this::diagnose);
    }

    private void diagnose(String prompt, RunReport first, Session session)
            throws MojoExecutionException, MojoFailureException {
        Path file = promptSource(prompt);
        Thresholds goals = Goals.strictest(first.classes(), prompt);
        Path directory = tuneDirectory().resolve(recordId(prompt) + "-diagnose");
        DiagnosticFunction diagnostic = DiagnosticFunctions.create(
                session.runner(),
                prompt,
                goals,
                session.models().critic(),
                session.models().embeddings(),
                session.models().critiques(),
                session.settings(),
                session.config());
        Evaluation evaluation;
        try {
            evaluation = diagnostic.evaluate(1, PromptFile.parse(file), List.of(), Files.createDirectories(directory));
            Files.writeString(directory.resolve("diagnostic.json"), evaluation.report());
        } catch (IOException e) {
            throw new MojoExecutionException("The diagnosis of " + prompt + " failed: " + e.getMessage(), e);
        }
        getLog().info("Failure modes of " + prompt + " (optimization split):");
        TuneOutput.failureModes(evaluation.report()).forEach(line -> getLog().info("  " + line));
        getLog().info("Diagnostic report: " + directory.resolve("diagnostic.json"));
    }
}
