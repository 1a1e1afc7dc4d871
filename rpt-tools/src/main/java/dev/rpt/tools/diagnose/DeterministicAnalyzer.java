package dev.rpt.tools.diagnose;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The analysis without a critic model: failures with the same assertion kind and message pattern form one mode,
 * labelled {@code <kind>: <pattern summary>} (e.g. {@code format: answer holds several numbers}).
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
            CritiqueMode mode = MessagePattern.asCritique(failure);
            assignment.put(failure.id(), List.of(new ModeName(mode.label(), mode.definition())));
        }
        return ModeTally.tally(failures, assignment, Set.of(), Grouping.DETERMINISTIC, 0, 0);
    }
}
