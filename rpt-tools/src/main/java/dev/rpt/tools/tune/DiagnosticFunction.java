package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.prompt.PromptFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The diagnostic function the optimizer calls as {@code evaluate_prompt}: runs a candidate on every case and
 * diagnoses the failures of the optimization split. Held-out results come back to the tuner only, for selection.
 */
@API(status = INTERNAL, since = "0.1")
public interface DiagnosticFunction {

    /**
     * Evaluates one candidate.
     *
     * @param iteration the evaluation's number, 1 for the first
     * @param candidate the candidate prompt
     * @param patchTargets the failure modes the patch that produced this candidate targeted; empty for the seed
     * @param directory where this evaluation keeps its files
     */
    Evaluation evaluate(int iteration, PromptFile candidate, List<String> patchTargets, Path directory)
            throws IOException;

    /**
     * Rebuilds a completed evaluation from its directory, for {@code rpt.tune.resume}, without running anything.
     *
     * @throws IOException when the directory lacks the evaluation's run or diagnostic report
     */
    default Evaluation restore(int iteration, PromptFile candidate, List<String> patchTargets, Path directory)
            throws IOException {
        throw new IOException(getClass().getSimpleName() + " cannot resume a tune");
    }

    /**
     * Example traces of one failure mode of the latest evaluation, as the {@code inspect_failures} tool result
     * (JSON). Only optimization-split cases.
     */
    String inspect(String mode, int limit);

    /**
     * The text of the optimization cases evaluated so far, so that a candidate copying it is rejected before it is
     * evaluated; {@link CaseMaterial#NONE} before the first evaluation.
     */
    default CaseMaterial caseMaterial() {
        return CaseMaterial.NONE;
    }

    /**
     * The optimization cases the latest evaluated candidate answered correctly (every sample), in case order: the
     * only cases the optimizer may use as worked examples. Empty before the first evaluation.
     */
    default List<WorkedExamples.Example> exampleCases() {
        return List.of();
    }
}
