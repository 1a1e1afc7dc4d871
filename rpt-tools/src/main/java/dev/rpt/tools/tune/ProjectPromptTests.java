package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.report.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A project's prompt tests as a tune or a diagnosis needs them: discovered without a model call (for the estimate),
 * run once as they are, and run with each candidate. {@link IsolatedPromptTests} runs them in an isolated class
 * loader for any build tool; tests use fakes.
 */
@API(status = INTERNAL, since = "0.1")
public interface ProjectPromptTests extends CandidateRunner, AutoCloseable {

    /**
     * Runs the project's own prompt files, unchanged.
     *
     * @param onlyPrompt the only prompt to run; empty runs every prompt test class
     * @param reportDirectory where the run writes its report
     */
    RunReport runAsIs(Optional<String> onlyPrompt, Path reportDirectory) throws IOException;

    /**
     * Counts each prompt's cases without running any, for the estimate before a tune.
     *
     * @param onlyPrompt the only prompt to count; empty counts every prompt test class
     * @return the number of cases per prompt resource
     */
    Map<String, Integer> discover(Optional<String> onlyPrompt) throws IOException;

    /**
     * Lists each prompt's held-out cases as {@code class[model]#method#id} without running any, for the estimate of
     * the smallest gain they can confirm.
     */
    Map<String, List<String>> heldOut(Optional<String> onlyPrompt) throws IOException;

    /** Releases what running the tests holds, e.g. the class loader; never fails. */
    @Override
    void close();
}
