package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.MetricsOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Whether a new prompt answers more cases right than an old one on the same cases: the gate's paired tests, asked the
 * other way round. The gate asks "is the current run worse than the baseline?"; a tuner adopting a candidate asks "is
 * the candidate better than the seed?". The tests are the gate's: McNemar's test on single samples, the paired
 * sign-flip test on per-case pass rates with repeats, and the paired bootstrap for the interval of the change.
 *
 * @param cases how many cases were paired (those with a scored sample on both sides)
 * @param before the old prompt's accuracy on them
 * @param after the new prompt's accuracy on them
 * @param lower the lower end of the interval of {@code after − before}
 * @param upper the upper end of that interval
 * @param pValue the one-sided p-value of "the new prompt is no better"
 * @param test how the p-value was computed, with the counts that decided it
 */
@API(status = INTERNAL, since = "0.2")
public record PairedImprovement(
        int cases, double before, double after, double lower, double upper, double pValue, String test) {

    /** The change in accuracy, {@code after − before}. */
    public double gain() {
        return after - before;
    }

    /**
     * Whether the gain is beyond {@code tolerance} and significant at {@code alpha}, as a regression must be for the
     * gate to fail.
     */
    public boolean significant(double tolerance, double alpha) {
        return cases > 0 && gain() > tolerance && pValue < alpha;
    }

    /**
     * Compares two prompts on the same cases.
     *
     * @param before each case's samples under the old prompt, in the same order as {@code after}
     * @param after each case's samples under the new prompt
     * @param alpha the one-sided level; the interval is at {@code 1 − 2α}, so its lower end is a one-sided bound
     * @param options the bootstrap's resamples and seed, and the metric options
     */
    public static PairedImprovement of(
            List<List<CaseOutcome>> before, List<List<CaseOutcome>> after, double alpha, RegressionOptions options) {
        Objects.requireNonNull(options, "options");
        if (before.size() != after.size()) {
            throw new IllegalArgumentException(
                    "both prompts must be measured on the same cases, got " + before.size() + " and " + after.size());
        }
        // The gate's "baseline" is the new prompt and its "current" the old one: a regression of the old prompt
        // against the new one is an improvement of the new one.
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            List<CaseOutcome> old = scored(before.get(i));
            List<CaseOutcome> candidate = scored(after.get(i));
            if (!old.isEmpty() && !candidate.isEmpty()) {
                pairs.add(new Pair(candidate, old));
            }
        }
        if (pairs.isEmpty()) {
            return new PairedImprovement(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1.0, "no paired case");
        }
        Change reversed = new PairedBootstrap(options.resamples(), options.seed(), alpha, MetricsOptions.DEFAULTS)
                .accuracy(pairs);
        int gained = 0;
        int lost = 0;
        for (Pair pair : pairs) {
            if (pair.baselineRate() > pair.currentRate()) {
                gained++;
            } else if (pair.baselineRate() < pair.currentRate()) {
                lost++;
            }
        }
        boolean single = pairs.stream().allMatch(Pair::single);
        double p;
        String test;
        if (single) {
            p = McNemar.oneSidedP(gained, lost);
            test = McNemar.method(gained, lost) + " (" + gained + " gained, " + lost + " lost)";
        } else {
            double[] differences = pairs.stream()
                    .mapToDouble(pair -> pair.currentRate() - pair.baselineRate())
                    .toArray();
            p = SignFlipTest.oneSidedP(differences, options.resamples(), options.seed() + 2);
            test = "paired sign-flip test on pass rates, " + options.resamples() + " resamples (" + gained
                    + " cases higher, " + lost + " lower)";
        }
        return new PairedImprovement(
                pairs.size(), reversed.current(), reversed.baseline(), -reversed.upper(), -reversed.lower(), p, test);
    }

    private static List<CaseOutcome> scored(List<CaseOutcome> samples) {
        return samples.stream().filter(CaseOutcome::scored).toList();
    }
}
