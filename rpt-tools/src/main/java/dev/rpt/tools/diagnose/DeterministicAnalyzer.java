package dev.rpt.tools.diagnose;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The analysis without a critic model: failures with the same assertion kind and message pattern form one mode,
 * labelled {@code <kind>: <pattern summary>} (e.g. {@code format: answer holds several numbers}); a tool-calling
 * case whose trajectory went wrong is named by what it shows ({@link ToolFailure}, e.g. {@code tool: wrong tool
 * called}).
 */
@API(status = INTERNAL, since = "0.1")
public final class DeterministicAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(String task, List<FailedCase> failures) {
        if (failures.isEmpty()) {
            return FailureAnalysis.none();
        }
        UniqueIds.check(failures);
        Map<String, List<ModeName>> assignment = new LinkedHashMap<>();
        for (FailedCase failure : failures) {
            // A tool-calling case is named by what its trajectory shows; the rest by the assertion's message.
            Optional<ToolFailure> tool = ToolFailure.of(failure);
            if (tool.isPresent()) {
                assignment.put(
                        failure.id(),
                        List.of(new ModeName(tool.get().label(), tool.get().definition())));
            } else {
                CritiqueMode mode = MessagePattern.asCritique(failure);
                assignment.put(failure.id(), List.of(new ModeName(mode.label(), mode.definition())));
            }
        }
        return ModeTally.tally(failures, assignment, Set.of(), Grouping.DETERMINISTIC, 0, 0);
    }
}
