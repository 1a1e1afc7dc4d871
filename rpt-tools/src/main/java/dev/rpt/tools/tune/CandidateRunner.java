package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.report.RunReport;
import dev.rpt.prompt.PromptFile;
import java.io.IOException;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Runs the prompt tests of one prompt with a candidate prompt text: the engine side of the diagnostic function. The
 * build tools run the project's own test classes in an isolated class loader ({@link IsolatedPromptTests}); tests use
 * fakes. The candidate goes in and the report comes out in memory; the run also writes its report under {@code
 * reportDirectory} for the record.
 */
@API(status = INTERNAL, since = "0.1")
public interface CandidateRunner {

    /**
     * Runs every prompt test class of {@code promptResource} with the candidate in place of the project's file.
     *
     * @param promptResource the prompt resource the classes name, e.g. {@code prompts/math-solver.prompt}
     * @param candidate the candidate prompt
     * @param reportDirectory where the run writes its report ({@code rpt.report.dir})
     * @return the run's report
     * @throws IOException when the run cannot start or its report cannot be read
     */
    RunReport run(String promptResource, PromptFile candidate, Path reportDirectory) throws IOException;
}
