package dev.rpt.tools.gate;

import dev.rpt.core.calibration.CalibrationSums;
import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.judge.JudgeAgreement;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The paired bootstrap over shared cases, for the interval of each change: each resample draws cases with
 * replacement and measures the baseline and the current run on the same draw, so case difficulty cancels out of the
 * change. The interval is the percentile interval of the change at level {@code 1 − 2α}, whose end on the "worse"
 * side is a one-sided bound. The gate's p-values come from tests that need no assumption about the change's
 * distribution ({@link McNemar}, {@link SignFlipTest}, {@link PairedRandomization}).
 */
final class PairedBootstrap {

    private final int resamples;
    private final long seed;
    private final double alpha;
    private final MetricsOptions options;

    PairedBootstrap(int resamples, long seed, double alpha, MetricsOptions options) {
        this.resamples = resamples;
        this.seed = seed;
        this.alpha = alpha;
        this.options = options;
    }

    /**
     * The change in accuracy on all pairs, accuracy being the mean of the cases' pass rates (with one sample per case,
     * plain accuracy).
     */
    Change accuracy(List<Pair> pairs) {
        int n = pairs.size();
        double[] base = new double[n];
        double[] current = new double[n];
        for (int i = 0; i < n; i++) {
            base[i] = pairs.get(i).baselineRate();
            current[i] = pairs.get(i).currentRate();
        }
        RandomGenerator random = new Well19937c(seed);
        double[] deltas = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double difference = 0;
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                difference += current[pick] - base[pick];
            }
            deltas[r] = difference / n;
        }
        return change(mean(base), mean(current), deltas);
    }

    /**
     * The changes in ECE and Brier on the pairs where both runs stated a confidence, over every sample with one; empty
     * map without such pairs. A resample draws cases, and a drawn case brings all its samples, so repeated samples of
     * one case are never treated as independent cases.
     */
    Map<Counter, Change> calibration(List<Pair> pairs) {
        List<Pair> calibrated = pairs.stream().filter(Pair::calibrated).toList();
        Map<Counter, Change> changes = new EnumMap<>(Counter.class);
        if (calibrated.isEmpty()) {
            return changes;
        }
        int n = calibrated.size();
        CalibrationSums base = new CalibrationSums(options.bins());
        CalibrationSums current = new CalibrationSums(options.bins());
        for (Pair pair : calibrated) {
            add(base, pair.baseline());
            add(current, pair.current());
        }
        double baseEce = value(base.eceDebiased());
        double currentEce = value(current.eceDebiased());
        double baseBrier = value(base.brier());
        double currentBrier = value(current.brier());
        RandomGenerator random = new Well19937c(seed + 1);
        double[] eceDeltas = new double[resamples];
        double[] brierDeltas = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            base.clear();
            current.clear();
            for (int i = 0; i < n; i++) {
                Pair pick = calibrated.get(random.nextInt(n));
                add(base, pick.baseline());
                add(current, pick.current());
            }
            eceDeltas[r] = value(current.eceDebiased()) - value(base.eceDebiased());
            brierDeltas[r] = value(current.brier()) - value(base.brier());
        }
        changes.put(Counter.ECE, change(baseEce, currentEce, eceDeltas));
        changes.put(Counter.BRIER, change(baseBrier, currentBrier, brierDeltas));
        return changes;
    }

    private static void add(CalibrationSums sums, List<CaseOutcome> samples) {
        for (CaseOutcome sample : samples) {
            if (sample.confidence().isPresent()) {
                sums.add(sample.confidence().getAsDouble(), sample.correct());
            }
        }
    }

    /**
     * The change in the judge's Cohen's kappa with the human verdicts on the same labelled answers, from {@code
     * verdicts} rows of {judge then, judge now, human}: the plain percentile interval of the resampled changes (kappa
     * is not a mean of per-case values, so no shift). Resamples in which kappa is undefined on a side (every verdict
     * the same) are left out; empty when the observed kappa is undefined on a side or fewer than half the resamples
     * define it.
     */
    Optional<Change> kappa(List<boolean[]> verdicts) {
        int n = verdicts.size();
        OptionalDouble then = kappa(verdicts, 0, null);
        OptionalDouble now = kappa(verdicts, 1, null);
        if (n == 0 || then.isEmpty() || now.isEmpty()) {
            return Optional.empty();
        }
        RandomGenerator random = new Well19937c(seed);
        double[] deltas = new double[resamples];
        int defined = 0;
        int[] picks = new int[n];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                picks[i] = random.nextInt(n);
            }
            OptionalDouble before = kappa(verdicts, 0, picks);
            OptionalDouble after = kappa(verdicts, 1, picks);
            if (before.isPresent() && after.isPresent()) {
                deltas[defined++] = after.getAsDouble() - before.getAsDouble();
            }
        }
        if (defined < resamples / 2) {
            return Optional.empty();
        }
        double[] changes = Arrays.copyOf(deltas, defined);
        Percentile percentile = new Percentile();
        percentile.setData(changes);
        return Optional.of(new Change(
                then.getAsDouble(),
                now.getAsDouble(),
                Math.max(-2, percentile.evaluate(100 * alpha)),
                Math.min(2, percentile.evaluate(100 * (1 - alpha))),
                changes));
    }

    /** Kappa of the judge's verdicts in column {@code side} against the human ones, over {@code picks} or all rows. */
    private static OptionalDouble kappa(List<boolean[]> verdicts, int side, int[] picks) {
        int[] table = new int[4];
        int rows = picks == null ? verdicts.size() : picks.length;
        for (int i = 0; i < rows; i++) {
            boolean[] row = verdicts.get(picks == null ? i : picks[i]);
            table[(row[side] ? 0 : 2) + (row[2] ? 0 : 1)]++;
        }
        // table: judge and person met, judge met only, person met only, neither.
        return JudgeAgreement.kappa(table[0], table[1], table[2], table[3]);
    }

    private Change change(double baseline, double current, double[] deltas) {
        // Resampling duplicates cases, and ECE's noise floor depends on how many distinct cases a bin holds, so the
        // resampled changes are not centred on the observed one (a calibrated baseline's ECE rises more than an
        // overconfident run's). Shifting them back onto the observed change removes that bias; their spread is what
        // the interval needs. For accuracy and Brier, means of per-case values, the shift is close to zero.
        double observed = current - baseline;
        double shift = observed - new Mean().evaluate(deltas);
        double[] centred = new double[deltas.length];
        for (int i = 0; i < deltas.length; i++) {
            centred[i] = deltas[i] + shift;
        }
        Percentile percentile = new Percentile();
        percentile.setData(centred);
        // Every metric compared lies in [0, 1], so a change lies in [-1, 1]; the shift must not carry an end past it
        // (a gain of "+1.001" is a claim no data can make).
        return new Change(
                baseline,
                current,
                Math.max(-1, percentile.evaluate(100 * alpha)),
                Math.min(1, percentile.evaluate(100 * (1 - alpha))),
                centred);
    }

    private static double value(OptionalDouble value) {
        // Every resample holds cases with a confidence, so ECE and Brier are always defined here.
        return value.orElseThrow();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }
}
