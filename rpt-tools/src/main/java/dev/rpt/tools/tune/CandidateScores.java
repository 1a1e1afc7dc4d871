package dev.rpt.tools.tune;

import dev.rpt.api.Split;
import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.RunReport;
import dev.rpt.prompt.PromptFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A candidate's run, cut into what each part of the tune may see: the optimization cases (for the optimizer and
 * critic), the selection cases (to rank candidates) and the confirmation cases (for the adoption decision only), and
 * the must-pass cases it failed.
 */
record CandidateScores(
        Metrics tune,
        Metrics selection,
        Metrics confirm,
        SortedMap<String, List<CaseOutcome>> confirmCases,
        List<String> mustPassFailures,
        Reliability tuneReliability,
        Reliability selectionReliability) {

    static CandidateScores of(RunReport report, ConfirmationSplit split, MetricsOptions options) {
        return of(report, split, options, Set.of());
    }

    /**
     * The scores of a run whose candidate shows some optimization cases as worked examples: those cases are left out,
     * since the prompt holds their answers.
     */
    static CandidateScores of(
            RunReport report, ConfirmationSplit split, MetricsOptions options, Set<String> exampleIds) {
        SortedMap<String, List<CaseOutcome>> confirmCases = new TreeMap<>();
        SortedMap<String, List<CaseOutcome>> tuneCases = new TreeMap<>();
        SortedMap<String, List<CaseOutcome>> selectionCases = new TreeMap<>();
        TreeSet<String> mustPassFailures = new TreeSet<>();
        for (CaseRecord c : report.cases()) {
            if (c.split() == Split.TUNE && exampleIds.contains(c.id())) {
                continue;
            }
            if (c.split() == Split.TUNE) {
                tuneCases
                        .computeIfAbsent(ConfirmationSplit.key(c), key -> new ArrayList<>())
                        .add(c.outcome());
            } else if (split.confirms(c)) {
                confirmCases
                        .computeIfAbsent(ConfirmationSplit.key(c), key -> new ArrayList<>())
                        .add(c.outcome());
            } else {
                selectionCases
                        .computeIfAbsent(ConfirmationSplit.key(c), key -> new ArrayList<>())
                        .add(c.outcome());
            }
            if (c.mustPass() && c.verdict() != Verdict.PASSED) {
                mustPassFailures.add(ConfirmationSplit.key(c));
            }
        }
        // Over every sample, with the case as the unit of the accuracy interval: with repeats, the tuner's intervals
        // are the ones the run report and rpt:check give.
        return new CandidateScores(
                Metrics.ofCases(List.copyOf(tuneCases.values()), options),
                Metrics.ofCases(List.copyOf(selectionCases.values()), options),
                Metrics.ofCases(List.copyOf(confirmCases.values()), options),
                confirmCases,
                List.copyOf(mustPassFailures),
                Reliability.of(tuneCases.values()),
                Reliability.of(selectionCases.values()));
    }

    Evaluation evaluation(
            int iteration, PromptFile candidate, String diagnosticReport, List<String> failureModes, RunReport report) {
        return new Evaluation(
                iteration,
                candidate,
                diagnosticReport,
                tune,
                selection,
                failureModes,
                // The judge of a judged prompt is part of what evaluating a candidate costs.
                report.judge().map(judge -> report.usage().plus(judge.usage())).orElse(report.usage()),
                confirm,
                confirmCases,
                mustPassFailures,
                tuneReliability,
                selectionReliability);
    }
}
