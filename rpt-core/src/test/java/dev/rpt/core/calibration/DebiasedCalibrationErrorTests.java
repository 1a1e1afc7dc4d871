package dev.rpt.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rpt.core.thresholds.MetricBounds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The debiased ECE that {@code @Thresholds(maxEce)} is held to: hand-computed on fixed bins, and, in simulation, a
 * perfectly calibrated model that passes a bound of 0.10 at 50 cases, which the binned ECE fails about half the time.
 */
class DebiasedCalibrationErrorTests {

    @Test
    void eachBinLosesTheExpectedExcessOfAnAbsoluteNormalGap() {
        // Reference, computed by hand with the closed form E|X| - |m| = σ√(2/π)·exp(-m²/2σ²) + m(1 - 2Φ(-m/σ)) - |m| at
        // m = √max(0, μ² - σ²):
        // bin A, 10 cases stated 0.65, 7 right: μ = +0.05, σ = √(0.65·0.35/10) = 0.150831, m = 0, bias σ√(2/π) =
        // 0.120346 (at the observed μ it would be 0.076898, Kumar et al.'s plain correction);
        // bin B, 10 cases stated 0.95, 8 right: μ = -0.15, σ = √(0.95·0.05/10) = 0.068920, m = 0.133229, bias 0.001398.
        // Binned ECE (0.05 + 0.15) / 2 = 0.100; debiased (0.05 - 0.120346 + 0.15 - 0.001398) / 2 = 0.039128.
        List<ReliabilityBin> bins = List.of(bin(0.6, 0.7, 10, 0.65, 7), bin(0.9, 1.0, 10, 0.95, 8));

        assertThat(CalibrationError.of(bins).getAsDouble()).isCloseTo(0.100, within(1e-12));
        assertThat(CalibrationError.debiased(bins).getAsDouble()).isCloseTo(0.039128, within(1e-6));
        assertThat(CalibrationError.bias(0.05, 0.150831)).isCloseTo(0.076898, within(1e-6));
    }

    @Test
    void aGapFarBeyondItsNoiseKeepsItsSizeAndNoiseAloneComesToZero() {
        // μ = -0.4 with σ = 0.0949 (m = 0.389): the normal's mass on the other side of 0 is ~1e-5, nothing is taken
        // off.
        assertThat(CalibrationError.debiased(List.of(bin(0.9, 1.0, 10, 0.9, 5))).getAsDouble())
                .isCloseTo(0.4, within(1e-4));
        // A calibrated bin's estimate falls below 0 and is clamped: a calibration error is never negative.
        assertThat(CalibrationError.debiased(List.of(bin(0.7, 0.8, 4, 0.75, 3))).getAsDouble())
                .isZero();
        // Stated certainty has no spread: a wrong answer at confidence 1.0 is miscalibration, not noise.
        assertThat(CalibrationError.debiased(List.of(bin(0.9, 1.0, 4, 1.0, 3))).getAsDouble())
                .isCloseTo(0.25, within(1e-12));
        assertThat(CalibrationError.debiased(List.of(bin(0.0, 0.1, 0, 0, 0)))).isEmpty();
    }

    @Test
    void aPerfectlyCalibratedModelPassesMaxEceOfATenthWhereTheBinnedEceFailedIt() {
        // The model states a confidence uniform on [0.5, 1] and is right with that chance less `overconfidence`; 2,000
        // runs each, 10 bins, @Thresholds(maxEce = 0.10) in the default (point-estimate) mode. Measured with this seed:
        // at 50 cases the bound held in 93.4% of runs (the binned ECE in about half); at 100 cases in about 98%. The
        // issue asked for 95% at 50 cases; a binned estimate of a calibration error has this much noise there.
        assertThat(passRate(50, 0.0, true)).as("debiased, 50 cases").isGreaterThanOrEqualTo(0.92);
        assertThat(passRate(50, 0.0, false)).as("binned, 50 cases").isBetween(0.3, 0.7);
        assertThat(passRate(100, 0.0, true)).as("debiased, 100 cases").isGreaterThanOrEqualTo(0.97);
        // And it still fails a model that is not calibrated: a true ECE of 0.20 at 100 cases.
        assertThat(passRate(100, 0.20, true)).as("true ECE 0.20, 100 cases").isLessThanOrEqualTo(0.10);
    }

    /** The share of 2,000 simulated runs in which maxEce = 0.10 holds, judged by the debiased or the binned ECE. */
    private static double passRate(int cases, double overconfidence, boolean debiased) {
        MetricBounds bound = MetricBounds.of(Double.NaN, 0.10, Double.NaN, Double.NaN);
        SplittableRandom random = new SplittableRandom(20261207L);
        int runs = 2_000;
        int passed = 0;
        for (int run = 0; run < runs; run++) {
            List<CaseOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < cases; i++) {
                double confidence = 0.5 + 0.5 * random.nextDouble();
                outcomes.add(
                        random.nextDouble() < confidence - overconfidence
                                ? CaseOutcome.passed(confidence)
                                : CaseOutcome.failed(confidence));
            }
            Metrics metrics = Metrics.of(outcomes);
            boolean holds =
                    debiased ? bound.check(metrics).passed() : metrics.ece().getAsDouble() <= 0.10;
            passed += holds ? 1 : 0;
        }
        return (double) passed / runs;
    }

    @Test
    void theBrierSkillComparesWithStatingTheBaseRate() {
        // 3 of 4 right, every confidence 0.75: the Brier score is the base rate's own, 0.75·0.25 = 0.1875; skill 0.
        List<CaseOutcome> baseRate = List.of(
                CaseOutcome.passed(0.75), CaseOutcome.passed(0.75), CaseOutcome.passed(0.75), CaseOutcome.failed(0.75));
        Metrics flat = Metrics.of(baseRate);
        assertThat(flat.brier().getAsDouble()).isCloseTo(0.1875, within(1e-12));
        assertThat(flat.baseRateBrier().getAsDouble()).isCloseTo(0.1875, within(1e-12));
        assertThat(flat.brierSkill().getAsDouble()).isCloseTo(0.0, within(1e-12));
        // Confidences 0.9 on the right answers and 0.3 on the wrong one: Brier (3·0.01 + 0.09) / 4 = 0.03, skill 0.84.
        Metrics informative = Metrics.of(List.of(
                CaseOutcome.passed(0.9), CaseOutcome.passed(0.9), CaseOutcome.passed(0.9), CaseOutcome.failed(0.3)));
        assertThat(informative.brierSkill().getAsDouble()).isCloseTo(1 - 0.03 / 0.1875, within(1e-12));
        assertThat(Metrics.of(List.of(CaseOutcome.passed(0.9))).brierSkill()).isEmpty();
    }

    private static ReliabilityBin bin(double lower, double upper, int count, double confidence, int correct) {
        return ReliabilityBin.of(lower, upper, count, confidence * count, correct);
    }
}
