package dev.rpt.tools.diagnose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Counts the failed cases of each mode and keeps the modes worth reporting. */
final class ModeTally {

    /** The least prevalence a mode needs to be reported, unless no mode has it. */
    static final double MIN_PREVALENCE = 0.10;

    /** How many modes are reported when none reaches {@link #MIN_PREVALENCE}. */
    static final int TOP_WHEN_NONE = 3;

    private ModeTally() {}

    /**
     * The analysis of the assignment.
     *
     * @param failures every failed case, in input order
     * @param assignment the modes of each case id; a case counts once per distinct mode label
     * @param firstExamples case ids to list first among a mode's members (critiqued cases, whose mode is certain)
     */
    static FailureAnalysis tally(
            List<FailedCase> failures,
            Map<String, List<ModeName>> assignment,
            Set<String> firstExamples,
            Grouping grouping,
            int critiqued,
            int criticFailures) {
        Map<String, ModeName> names = new LinkedHashMap<>();
        Map<String, List<FailedCase>> members = new LinkedHashMap<>();
        for (FailedCase failure : failures) {
            for (ModeName name : assignment.getOrDefault(failure.id(), List.of())) {
                String key = Labels.key(name.label());
                names.putIfAbsent(key, name);
                List<FailedCase> list = members.computeIfAbsent(key, k -> new ArrayList<>());
                if (list.isEmpty() || list.get(list.size() - 1) != failure) {
                    list.add(failure);
                }
            }
        }
        List<FailureMode> all = new ArrayList<>();
        Map<String, List<FailedCase>> byLabel = new LinkedHashMap<>();
        members.forEach((key, list) -> {
            List<FailedCase> ordered = new ArrayList<>(list);
            ordered.sort(Comparator.comparing(c -> !firstExamples.contains(c.id())));
            ModeName name = names.get(key);
            String label = Labels.clip(name.label(), Labels.MAX_LABEL);
            all.add(new FailureMode(
                    label,
                    Labels.clip(name.definition(), Labels.MAX_DEFINITION),
                    ordered.size(),
                    (double) ordered.size() / failures.size(),
                    ordered.stream()
                            .limit(FailureMode.MAX_EXAMPLES)
                            .map(FailedCase::id)
                            .toList()));
            byLabel.put(label, List.copyOf(ordered));
        });
        all.sort(Comparator.comparingInt(FailureMode::count).reversed().thenComparing(FailureMode::label));
        return new FailureAnalysis(keep(all), all, byLabel, failures.size(), critiqued, criticFailures, grouping);
    }

    /** The modes with prevalence of at least 10%, or the top 3 when none has; {@code sorted} is by count, descending. */
    static List<FailureMode> keep(List<FailureMode> sorted) {
        List<FailureMode> kept = sorted.stream()
                .filter(mode -> mode.prevalence() >= MIN_PREVALENCE - 1e-12)
                .toList();
        return kept.isEmpty() ? sorted.stream().limit(TOP_WHEN_NONE).toList() : kept;
    }
}
