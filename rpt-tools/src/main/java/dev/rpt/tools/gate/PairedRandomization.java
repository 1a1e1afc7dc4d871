package dev.rpt.tools.gate;

import dev.rpt.core.calibration.CalibrationSums;
import dev.rpt.core.calibration.CaseOutcome;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The paired randomization test (approximate randomization) of "calibration got worse", for ECE and Brier. If the
 * prompt did not change, a case's baseline samples and current samples are exchangeable: either could have come from
 * either run. Each of {@code B} rounds swaps the two sides of every case with probability 1/2 and measures the change
 * again; the p-value is the share of rounds whose change is at least as bad as the observed one, {@code (1 + k) / (1
 * + B)}.
 *
 * <p>Unlike a bootstrap p-value, this needs no assumption about the shape of the metric's sampling distribution. That
 * matters for ECE: it sums absolute gaps per bin, and near a well-calibrated baseline those gaps sit at the kink of
 * the absolute value, where the bootstrap misjudges the spread and the gate would fail unchanged prompts too often.
 */
final class PairedRandomization {

    /** Changes within this distance count as equal, so that floating-point noise cannot decide a tie. */
    private static final double TIE = 1e-12;

    private final int rounds;
    private final long seed;
    private final int bins;

    PairedRandomization(int rounds, long seed, int bins) {
        this.rounds = rounds;
        this.seed = seed;
        this.bins = bins;
    }

    /** The one-sided p-values of "ECE rose" and "Brier rose" on the calibrated pairs; empty map without such pairs. */
    Map<Counter, Double> calibrationPValues(List<Pair> pairs) {
        List<Pair> calibrated = pairs.stream().filter(Pair::calibrated).toList();
        Map<Counter, Double> pValues = new EnumMap<>(Counter.class);
        if (calibrated.isEmpty()) {
            return pValues;
        }
        CalibrationSums base = new CalibrationSums(bins);
        CalibrationSums current = new CalibrationSums(bins);
        for (Pair pair : calibrated) {
            add(base, pair.baseline());
            add(current, pair.current());
        }
        double eceChange =
                current.eceDebiased().orElseThrow() - base.eceDebiased().orElseThrow();
        double brierChange = current.brier().orElseThrow() - base.brier().orElseThrow();
        RandomGenerator random = new Well19937c(seed);
        int eceAsBad = 0;
        int brierAsBad = 0;
        for (int r = 0; r < rounds; r++) {
            base.clear();
            current.clear();
            for (Pair pair : calibrated) {
                boolean swap = random.nextBoolean();
                add(base, swap ? pair.current() : pair.baseline());
                add(current, swap ? pair.baseline() : pair.current());
            }
            if (current.eceDebiased().orElseThrow() - base.eceDebiased().orElseThrow() >= eceChange - TIE) {
                eceAsBad++;
            }
            if (current.brier().orElseThrow() - base.brier().orElseThrow() >= brierChange - TIE) {
                brierAsBad++;
            }
        }
        pValues.put(Counter.ECE, (1.0 + eceAsBad) / (1.0 + rounds));
        pValues.put(Counter.BRIER, (1.0 + brierAsBad) / (1.0 + rounds));
        return pValues;
    }

    private static void add(CalibrationSums sums, List<CaseOutcome> samples) {
        for (CaseOutcome sample : samples) {
            if (sample.confidence().isPresent()) {
                sums.add(sample.confidence().getAsDouble(), sample.correct());
            }
        }
    }
}
