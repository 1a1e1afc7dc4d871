package dev.rpt.tools.diagnose;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The failure modes of one evaluation.
 *
 * @param modes the reported modes: prevalence at least 10%, or the top 3 when none has; sorted by count, descending
 * @param allModes every mode found, sorted the same way; {@link IterationHistory} uses it to tell whether a targeted
 *     mode shrank even below the reporting threshold
 * @param members the failed cases of each mode, keyed by mode label; critiqued cases first, then input order
 * @param failedCases how many failed cases were analyzed
 * @param critiqued how many of them the critic was asked about
 * @param criticFailures how many critic calls failed or gave an unusable reply (those cases got their deterministic
 *     label)
 * @param grouping how labels were grouped into modes
 */
@API(status = INTERNAL, since = "0.1")
public record FailureAnalysis(
        List<FailureMode> modes,
        List<FailureMode> allModes,
        Map<String, List<FailedCase>> members,
        int failedCases,
        int critiqued,
        int criticFailures,
        Grouping grouping) {

    public FailureAnalysis {
        modes = List.copyOf(modes);
        allModes = List.copyOf(allModes);
        Map<String, List<FailedCase>> copy = new LinkedHashMap<>();
        members.forEach((label, list) -> copy.put(label, List.copyOf(list)));
        members = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(grouping, "grouping");
    }

    /** The analysis of an evaluation without failures. */
    public static FailureAnalysis none() {
        return new FailureAnalysis(List.of(), List.of(), Map.of(), 0, 0, 0, Grouping.NONE);
    }

    /**
     * This analysis with one more mode, found outside the critic (e.g. the cases that pass only sometimes): it is
     * reported whatever its prevalence, the modes stay sorted by count, and {@code inspect_failures} serves its members.
     *
     * @throws IllegalArgumentException when a mode already has the label
     */
    public FailureAnalysis withMode(FailureMode mode, List<FailedCase> modeMembers) {
        if (members.containsKey(mode.label())) {
            throw new IllegalArgumentException("the analysis already has a mode labelled '" + mode.label() + "'");
        }
        Comparator<FailureMode> byCount =
                Comparator.comparingInt(FailureMode::count).reversed();
        List<FailureMode> reported = new ArrayList<>(modes);
        reported.add(mode);
        reported.sort(byCount);
        List<FailureMode> all = new ArrayList<>(allModes);
        all.add(mode);
        all.sort(byCount);
        Map<String, List<FailedCase>> withMembers = new LinkedHashMap<>(members);
        withMembers.put(mode.label(), modeMembers);
        return new FailureAnalysis(reported, all, withMembers, failedCases, critiqued, criticFailures, grouping);
    }

    /**
     * The {@code inspect_failures} tool result: {@code {"mode": ..., "traces": [...]}} with up to {@code limit} (at most
     * 20) cases of the mode. Answers, justifications and messages longer than 1,000 characters are cut.
     *
     * @param mode a mode label, matched exactly or after normalization (case, spaces, final punctuation)
     * @throws IllegalArgumentException naming the known modes when no mode has that label
     */
    public String inspect(String mode, int limit) {
        Objects.requireNonNull(mode, "mode");
        String label = members.containsKey(mode)
                ? mode
                : members.keySet().stream()
                        .filter(known -> Labels.key(known).equals(Labels.key(mode)))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no failure mode is labelled '" + mode
                                + "'; use one of the labels of the report's failureModes: "
                                + modes.stream().map(FailureMode::label).toList()));
        return Traces.inspect(label, members.get(label), limit);
    }
}
