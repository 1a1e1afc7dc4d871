package dev.rpt.core.calibration;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Metrics for a whole run and for each group of its cases (a test class, a tag, a data slice), computed with the same
 * options so the numbers compare.
 *
 * @param overall the metrics of all cases of all groups together
 * @param byGroup the metrics of each group, sorted by group name
 */
@API(status = INTERNAL, since = "0.1")
public record GroupedMetrics(Metrics overall, SortedMap<String, Metrics> byGroup) {

    public GroupedMetrics {
        Objects.requireNonNull(overall, "overall");
        byGroup = Collections.unmodifiableSortedMap(new TreeMap<>(byGroup));
    }

    /**
     * Measures every group and the union of all groups. Each case must belong to exactly one group; the overall metrics
     * are computed from the cases, not averaged from the groups, because averages of ratios would weight a group of 2
     * cases like a group of 200.
     */
    public static GroupedMetrics of(Map<String, List<CaseOutcome>> groups, MetricsOptions options) {
        Objects.requireNonNull(groups, "groups");
        SortedMap<String, Metrics> byGroup = new TreeMap<>();
        List<CaseOutcome> all = new ArrayList<>();
        groups.forEach((name, cases) -> {
            Objects.requireNonNull(name, "group names must not be null");
            byGroup.put(name, Metrics.of(cases, options));
            all.addAll(cases);
        });
        return new GroupedMetrics(Metrics.of(all, options), byGroup);
    }
}
