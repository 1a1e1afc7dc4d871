package dev.rpt.core.report;

import dev.rpt.core.calibration.ToolMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tool use of a run's classes as their cases finish: only each answer's step count and scores stay in memory,
 * grouped by case, for {@link ToolMetrics}. Not thread-safe; the report writer guards it.
 */
final class ToolTally {

    private final Map<String, Map<CaseKey, List<ToolMetrics.Sample>>> byClass = new LinkedHashMap<>();

    void add(CaseRecord record) {
        record.tools()
                .ifPresent(use -> byClass.computeIfAbsent(record.classKey(), key -> new LinkedHashMap<>())
                        .computeIfAbsent(record.key(), key -> new ArrayList<>(1))
                        .add(new ToolMetrics.Sample(use.steps().size(), use.selection(), use.arguments())));
    }

    /** The tool metrics of one class's records, as the run computed them; empty without a tool-calling case. */
    static Optional<ToolMetrics> of(List<CaseRecord> classRecords, double level) {
        ToolTally tally = new ToolTally();
        classRecords.forEach(tally::add);
        return classRecords.isEmpty()
                ? Optional.empty()
                : tally.metrics(classRecords.get(0).classKey(), level);
    }

    /** The class's tool metrics; empty for a class without a tool-calling case. */
    Optional<ToolMetrics> metrics(String classKey, double level) {
        Map<CaseKey, List<ToolMetrics.Sample>> cases = byClass.get(classKey);
        return cases == null ? Optional.empty() : ToolMetrics.of(List.copyOf(cases.values()), level);
    }
}
