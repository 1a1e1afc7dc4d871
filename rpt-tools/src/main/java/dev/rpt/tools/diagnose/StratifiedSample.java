package dev.rpt.tools.diagnose;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Chooses which failures get a critique when there are more than the cap. Strata are the failure kinds; each kind
 * gets a share proportional to its size, but at least one case when the cap allows, so that a rare kind is never
 * silenced by a common one. Within a kind the cases are shuffled with a seed derived from the case ids, so the same
 * failures always give the same sample.
 */
final class StratifiedSample {

    private StratifiedSample() {}

    /** Up to {@code cap} of the cases, in their input order. */
    static List<FailedCase> select(List<FailedCase> cases, int cap) {
        if (cases.size() <= cap) {
            return List.copyOf(cases);
        }
        Map<String, List<FailedCase>> strata = cases.stream()
                .collect(Collectors.groupingBy(FailedCase::failureKind, TreeMap::new, Collectors.toList()));
        Map<String, Integer> quota = allocate(strata, cap, cases.size());
        Set<String> chosen = new HashSet<>();
        strata.forEach((kind, members) ->
                shuffled(kind, members).stream().limit(quota.get(kind)).forEach(c -> chosen.add(c.id())));
        return cases.stream().filter(c -> chosen.contains(c.id())).toList();
    }

    private static Map<String, Integer> allocate(Map<String, List<FailedCase>> strata, int cap, int total) {
        Map<String, Integer> quota = new TreeMap<>();
        boolean oneEach = cap >= strata.size();
        strata.forEach((kind, members) -> quota.put(kind, oneEach ? 1 : 0));
        int left = cap - (oneEach ? strata.size() : 0);
        // Each remaining slot goes to the kind furthest below its proportional share; ties go to the first kind by
        // name.
        for (; left > 0; left--) {
            String best = null;
            double bestDeficit = Double.NEGATIVE_INFINITY;
            for (Map.Entry<String, List<FailedCase>> stratum : strata.entrySet()) {
                int size = stratum.getValue().size();
                int taken = quota.get(stratum.getKey());
                double deficit = (double) size * cap / total - taken;
                if (taken < size && deficit > bestDeficit) {
                    best = stratum.getKey();
                    bestDeficit = deficit;
                }
            }
            quota.merge(best, 1, Integer::sum);
        }
        return quota;
    }

    private static List<FailedCase> shuffled(String kind, List<FailedCase> members) {
        List<FailedCase> ordered = new ArrayList<>(members);
        ordered.sort(Comparator.comparing(FailedCase::id));
        long seed = kind.hashCode();
        for (FailedCase member : ordered) {
            seed = seed * 31 + member.id().hashCode();
        }
        // java.util.Random's algorithm is fixed by its specification, so the sample is stable across JVMs.
        Collections.shuffle(ordered, new Random(seed));
        return ordered;
    }
}
