package dev.rpt.maven;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.tune.CandidateRunner;
import dev.rpt.core.tune.DiagnosticFunction;
import dev.rpt.core.tune.TuneSettings;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;

/** Builds the diagnostic function of one prompt: the one place the goals wire rpt-core's implementation. */
final class DiagnosticFunctions {

    /** The implementation the goals expect from rpt-core. */
    static final String IMPLEMENTATION = "dev.rpt.core.tune.ReflectiveDiagnosticFunction";

    private DiagnosticFunctions() {}

    /**
     * @param runner runs the prompt's classes with a candidate, in the isolated class loader
     * @param promptResource the prompt resource, e.g. {@code prompts/math.prompt}
     * @param critic the critic model, or none for the deterministic fallback
     * @param settings the tune's settings ({@code rpt.diagnose.max-critiques} among them)
     * @param config the whole configuration, for anything else the implementation reads
     * @throws MojoExecutionException while rpt-core has no implementation to wire
     */
    static DiagnosticFunction create(
            CandidateRunner runner,
            String promptResource,
            Optional<ChatModel> critic,
            TuneSettings settings,
            RptConfig config)
            throws MojoExecutionException {
        // rpt-core's implementation (CandidateRunner + the diagnose package) has not landed in this build; when it
        // does, construct it here from these arguments and nothing else in the goals changes.
        throw new MojoExecutionException("This build of rpt has no diagnostic function yet (" + IMPLEMENTATION
                + " is missing from rpt-core), so " + promptResource + " cannot be diagnosed or tuned. The prompt"
                + " tests did run: their report is above. Use an rpt release whose rpt-core has " + IMPLEMENTATION
                + ".");
    }
}
