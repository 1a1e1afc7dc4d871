package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.config.RptConstants;
import dev.rpt.tools.gate.PairedImprovement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Whether a tune's best candidate replaces the seed, and why. The candidate was chosen on the selection cases, so its
 * score there is the best of several noisy draws; the decision and the number reported for it come from the
 * confirmation cases, which chose nothing (so over every tune that number is unbiased, while over the tunes that adopt it
 * is inflated by the adoption rule itself): the candidate is adopted when its gain there is beyond the minimum and
 * significant under the gate's paired test ({@link PairedImprovement}), or whenever it won the selection with {@code
 * rpt.tune.adopt=always}. A candidate that fails a must-pass case is never adopted.
 *
 * @param adopted whether the prompt file gets the candidate (unless the tune is a dry run)
 * @param reason one sentence saying why
 * @param confirmation the paired comparison on the confirmation cases; empty when no candidate beat the seed
 */
@API(status = INTERNAL, since = "0.2")
public record Adoption(boolean adopted, String reason, Optional<PairedImprovement> confirmation) {

    public Adoption {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(confirmation, "confirmation");
    }

    /** Decides on the best candidate against the seed, on accuracy. */
    static Adoption decide(Evaluation seed, Evaluation best, AdoptionPolicy policy) {
        return decide(seed, best, policy, TuneObjective.ACCURACY);
    }

    /**
     * Decides on the best candidate against the seed. Under {@code pass^k} each confirmation case counts as passed
     * only when every sample passed, so the test is McNemar's on the cases that became (or stopped being) reliable.
     */
    static Adoption decide(Evaluation seed, Evaluation best, AdoptionPolicy policy, TuneObjective objective) {
        if (best == seed) {
            return new Adoption(false, "no candidate beat the seed on the selection cases", Optional.empty());
        }
        if (!best.mustPassFailures().isEmpty()) {
            return new Adoption(
                    false,
                    "the candidate fails the must-pass case(s) " + best.mustPassFailures() + ", so it is never adopted",
                    Optional.empty());
        }
        List<List<CaseOutcome>> before = new ArrayList<>();
        List<List<CaseOutcome>> after = new ArrayList<>();
        best.confirmCases().forEach((key, samples) -> {
            List<CaseOutcome> old = seed.confirmCases().get(key);
            if (old != null) {
                before.add(objective.forComparison(old));
                after.add(objective.forComparison(samples));
            }
        });
        PairedImprovement improvement = PairedImprovement.of(before, after, policy.alpha(), policy.statistics());
        if (improvement.significant(policy.minGain(), policy.alpha())) {
            return new Adoption(
                    true,
                    "its gain on the confirmation cases is beyond " + decimal(policy.minGain()) + " and significant",
                    Optional.of(improvement));
        }
        String why = improvement.cases() == 0
                ? "no confirmation case was scored on both prompts (add held-out cases, or raise "
                        + RptConstants.TUNE_CONFIRM_FRACTION + ")"
                : improvement.gain() <= policy.minGain()
                        ? "its gain on the confirmation cases, " + signed(improvement.gain()) + ", is not beyond "
                                + decimal(policy.minGain())
                        : "its gain on the confirmation cases is not significant (p " + p(improvement.pValue())
                                + ", alpha " + decimal(policy.alpha()) + ")";
        if (policy.always()) {
            return new Adoption(
                    true, why + "; written anyway (" + RptConstants.TUNE_ADOPT + "=always)", Optional.of(improvement));
        }
        return new Adoption(false, why, Optional.of(improvement));
    }

    /**
     * The decision when the optimizer never evaluated the seed as it is: there is nothing to compare with, so only
     * {@code rpt.tune.adopt=always} writes the best candidate (and never one that fails a must-pass case).
     */
    static Adoption seedNotEvaluated(Evaluation best, AdoptionPolicy policy) {
        String why = "the seed itself was never evaluated, so no gain over it can be shown";
        if (!best.mustPassFailures().isEmpty()) {
            return new Adoption(
                    false,
                    "the candidate fails the must-pass case(s) " + best.mustPassFailures() + ", so it is never adopted",
                    Optional.empty());
        }
        return policy.always()
                ? new Adoption(
                        true, why + "; written anyway (" + RptConstants.TUNE_ADOPT + "=always)", Optional.empty())
                : new Adoption(false, why, Optional.empty());
    }

    /**
     * What the tune prints about the decision: the confirmation numbers side by side with their intervals, then the
     * verdict and, when the seed is kept, how to write the candidate anyway.
     */
    List<String> lines(Evaluation seed, Evaluation best, AdoptionPolicy policy) {
        return lines(seed, best, policy, TuneObjective.ACCURACY, 1);
    }

    /** The lines of a decision made under an objective: a {@code pass^k} decision shows pass^k, not accuracy. */
    List<String> lines(Evaluation seed, Evaluation best, AdoptionPolicy policy, TuneObjective objective, int samples) {
        List<String> lines = new ArrayList<>();
        String measure = objective == TuneObjective.PASS_K ? objective.label(samples) + " " : "";
        confirmation.ifPresent(c -> {
            lines.add("Confirmation on " + c.cases() + " held-out cases that chose nothing: seed " + measure
                    + accuracy(confirmMetrics(seed, objective)) + ", candidate " + measure
                    + accuracy(confirmMetrics(best, objective)) + "; gain "
                    + (c.cases() == 0
                            ? "n/a"
                            : signed(c.gain()) + ", " + Math.round((1 - 2 * policy.alpha()) * 100) + "% interval ["
                                    + signed(c.lower()) + ", " + signed(c.upper()) + "]; " + c.test() + ", one-sided p "
                                    + p(c.pValue())));
        });
        if (adopted) {
            lines.add("Adopted: " + reason + "."
                    + (confirmation.isPresent() && confirmation.get().cases() > 0
                            ? " The gain was measured on cases that chose nothing, but it is reported because it came"
                                    + " out large enough to adopt: over the tunes that adopt, it overstates the true"
                                    + " gain, most when the true gain is small (docs/tuning.md, Adopting a candidate)."
                            : ""));
        } else {
            lines.add("Not adopted: " + reason + ". The seed is kept."
                    + (best != seed && best.mustPassFailures().isEmpty()
                            ? " To write the candidate anyway: -D" + RptConstants.TUNE_ADOPT + "=always."
                            : ""));
        }
        return lines;
    }

    /** The confirmation metrics as the objective counts them: under {@code pass^k} one outcome per case. */
    private static Metrics confirmMetrics(Evaluation evaluation, TuneObjective objective) {
        if (objective != TuneObjective.PASS_K) {
            return evaluation.confirm();
        }
        List<CaseOutcome> cases = new ArrayList<>();
        evaluation.confirmCases().values().forEach(samples -> cases.addAll(objective.forComparison(samples)));
        return Metrics.of(cases);
    }

    private static String accuracy(Metrics metrics) {
        if (metrics.accuracy().isEmpty()) {
            return "n/a";
        }
        return decimal(metrics.accuracy().getAsDouble())
                + metrics.accuracyCi()
                        .map(ci -> " [" + decimal(ci.lower()) + ", " + decimal(ci.upper()) + "]")
                        .orElse("");
    }

    private static String p(double value) {
        return value < 0.0001 ? "< 0.0001" : "= " + String.format(Locale.ROOT, "%.4f", value);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.3f", value);
    }
}
