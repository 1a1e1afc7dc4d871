package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.prompt.PromptFile;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * One evaluated candidate.
 *
 * @param iteration the evaluation's number
 * @param candidate the prompt evaluated
 * @param report the diagnostic report JSON the optimizer reads; it holds optimization-split data only
 * @param tune the metrics on the optimization cases
 * @param holdout the metrics on the selection cases (the held-out cases not kept for confirmation), which rank the
 *     candidates; never shown to the optimizer
 * @param failureModes the labels of the recurring failure modes, most prevalent first
 * @param targetUsage the target model's usage in this evaluation's run, for the tune's budgets
 * @param confirm the metrics on the confirmation cases, which rank nothing; only the adoption decision reads them
 * @param confirmCases each confirmation case's samples, by {@link ConfirmationSplit#key}, for the paired test
 * @param mustPassFailures the must-pass cases (any split) that did not pass every sample: such a candidate is never
 *     adopted
 * @param tuneReliability how reliably the optimization cases pass over their samples
 * @param selectionReliability how reliably the selection cases pass over their samples, for a repeat objective
 */
@API(status = INTERNAL, since = "0.1")
public record Evaluation(
        int iteration,
        PromptFile candidate,
        String report,
        Metrics tune,
        Metrics holdout,
        List<String> failureModes,
        UsageSnapshot targetUsage,
        Metrics confirm,
        SortedMap<String, List<CaseOutcome>> confirmCases,
        List<String> mustPassFailures,
        Reliability tuneReliability,
        Reliability selectionReliability) {

    /** An evaluation without confirmation cases or must-pass failures, e.g. in tests. */
    public Evaluation(
            int iteration,
            PromptFile candidate,
            String report,
            Metrics tune,
            Metrics holdout,
            List<String> failureModes,
            UsageSnapshot targetUsage) {
        this(
                iteration,
                candidate,
                report,
                tune,
                holdout,
                failureModes,
                targetUsage,
                Metrics.of(List.of()),
                new TreeMap<>(),
                List.of(),
                Reliability.ofSingleSamples(tune),
                Reliability.ofSingleSamples(holdout));
    }

    /** An evaluation whose target usage is not known, e.g. in tests. */
    public Evaluation(
            int iteration,
            PromptFile candidate,
            String report,
            Metrics tune,
            Metrics holdout,
            List<String> failureModes) {
        this(iteration, candidate, report, tune, holdout, failureModes, UsageSnapshot.NONE);
    }

    public Evaluation {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(tune, "tune");
        Objects.requireNonNull(holdout, "holdout");
        failureModes = List.copyOf(failureModes);
        Objects.requireNonNull(targetUsage, "targetUsage");
        Objects.requireNonNull(confirm, "confirm");
        confirmCases = Collections.unmodifiableSortedMap(new TreeMap<>(confirmCases));
        mustPassFailures = List.copyOf(mustPassFailures);
        Objects.requireNonNull(tuneReliability, "tuneReliability");
        Objects.requireNonNull(selectionReliability, "selectionReliability");
    }

    /**
     * Accuracy on the optimization cases minus accuracy on the selection cases: how much better the candidate does
     * on the cases the optimizer saw than on cases it did not. A gap that widens over the iterations is the sign of
     * a prompt fitted to its examples. Empty when either accuracy is undefined.
     */
    public OptionalDouble overfitGap() {
        return tune.accuracy().isPresent() && holdout.accuracy().isPresent()
                ? OptionalDouble.of(
                        tune.accuracy().getAsDouble() - holdout.accuracy().getAsDouble())
                : OptionalDouble.empty();
    }

    /**
     * The selection score on the held-out cases under an objective: its value − w·Brier; missing values count as 0
     * and 1.
     */
    public double holdoutScore(TuneObjective objective, double brierWeight) {
        return objective.score(holdout, selectionReliability, brierWeight);
    }

    /** The score on the optimization cases under an objective, which the plateau rule follows. */
    public double tuneScore(TuneObjective objective, double brierWeight) {
        return objective.score(tune, tuneReliability, brierWeight);
    }
}
