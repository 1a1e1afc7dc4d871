package dev.rpt.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class MetricsTests {

    private static final Offset<Double> EXACT = within(1e-12);

    /**
     * Seven cases: five with a confidence, one passed without one, one errored.
     *
     * <pre>
     *   #  verdict  confidence  format error
     *   1  PASSED   0.9
     *   2  PASSED   0.2
     *   3  FAILED   0.8
     *   4  FAILED   0.3
     *   5  PASSED   missing
     *   6  ERRORED  -
     *   7  FAILED   0.1         yes
     * </pre>
     */
    private static List<CaseOutcome> mixed() {
        return List.of(
                CaseOutcome.passed(0.9),
                CaseOutcome.passed(0.2),
                CaseOutcome.failed(0.8),
                CaseOutcome.failed(0.3),
                CaseOutcome.passedWithoutConfidence(),
                CaseOutcome.errored(),
                new CaseOutcome(Verdict.FAILED, OptionalDouble.of(0.1), true));
    }

    @Test
    void countsAndRatesOfAMixedSet() {
        Metrics metrics = Metrics.of(mixed());

        // scored = 7 - 1 errored = 6; passed = #1, #2, #5 = 3; accuracy = 3/6
        assertThat(metrics.n()).isEqualTo(6);
        assertThat(metrics.errored()).isEqualTo(1);
        assertThat(metrics.correct()).isEqualTo(3);
        assertThat(metrics.accuracy()).hasValue(0.5);
        assertThat(metrics.missingConfidence()).isEqualTo(1);
        assertThat(metrics.withConfidence()).isEqualTo(5);
        // one format error (#7) among 6 scored cases
        assertThat(metrics.formatErrorRate().getAsDouble()).isCloseTo(1.0 / 6, EXACT);
        // (0.9 + 0.2 + 0.8 + 0.3 + 0.1) / 5 = 2.3 / 5
        assertThat(metrics.meanConfidence().getAsDouble()).isCloseTo(0.46, EXACT);
    }

    @Test
    void calibrationOfAMixedSet() {
        Metrics metrics = Metrics.of(mixed());

        // squared errors: (0.9-1)^2 + (0.2-1)^2 + (0.8-0)^2 + (0.3-0)^2 + (0.1-0)^2
        //               = 0.01 + 0.64 + 0.64 + 0.09 + 0.01 = 1.39; / 5 = 0.278
        assertThat(metrics.brier().getAsDouble()).isCloseTo(0.278, EXACT);
        // ten bins, each confidence alone in its bin, so ECE = mean |y - c|:
        // (0.1 + 0.8 + 0.8 + 0.3 + 0.1) / 5 = 2.1 / 5
        assertThat(metrics.ece().getAsDouble()).isCloseTo(0.42, EXACT);
        // equal-mass with 10 bins and 5 cases also puts each case alone
        assertThat(metrics.eceEqualMass().getAsDouble()).isCloseTo(0.42, EXACT);
        // right {0.9, 0.2} vs wrong {0.8, 0.3, 0.1}: 0.9 beats all 3, 0.2 beats only 0.1 -> 4 of 6 pairs
        assertThat(metrics.auroc().getAsDouble()).isCloseTo(4.0 / 6, EXACT);
        // wrong with c >= 0.8: #3 (exactly 0.8 counts) -> 1 of the 5 cases with a confidence
        assertThat(metrics.overconfidenceRate().getAsDouble()).isCloseTo(0.2, EXACT);
        // right with c <= 0.2: #2 (exactly 0.2 counts) -> 1 of 5
        assertThat(metrics.underconfidenceRate().getAsDouble()).isCloseTo(0.2, EXACT);
    }

    @Test
    void wilsonIntervalOfAMixedSet() {
        // 3 of 6 at 95%: p = 0.5, z^2/n = 0.6402; centre 0.5, half width
        // z * sqrt(0.25/6 + z^2/144) / 1.6402 = 0.3124 -> [0.1876, 0.8124]
        Interval interval = Metrics.of(mixed()).accuracyCi().orElseThrow();

        assertThat(interval.lower()).isCloseTo(0.1876, within(1e-4));
        assertThat(interval.upper()).isCloseTo(0.8124, within(1e-4));
    }

    @Test
    void reliabilityOfAMixedSetListsEveryBin() {
        List<ReliabilityBin> bins = Metrics.of(mixed()).reliability();

        assertThat(bins).hasSize(10);
        assertThat(bins).extracting(ReliabilityBin::count).containsExactly(0, 1, 1, 1, 0, 0, 0, 0, 1, 1);
        assertThat(bins.get(0).meanConfidence()).isEmpty();
        assertThat(bins.get(0).accuracy()).isEmpty();
        // bin 2 is [0.2, 0.3): only #2, right with 0.2
        assertThat(bins.get(2).lower()).isEqualTo(0.2);
        assertThat(bins.get(2).upper()).isEqualTo(0.3);
        assertThat(bins.get(2).meanConfidence()).hasValue(0.2);
        assertThat(bins.get(2).accuracy()).hasValue(1.0);
    }

    @Test
    void fewerBinsChangeBothCalibrationErrors() {
        Metrics metrics = Metrics.of(mixed(), MetricsOptions.DEFAULTS.withBins(3));

        // equal width, edges 0, 1/3, 2/3, 1:
        //   [0, 1/3): 0.1 W, 0.2 R, 0.3 W -> mean 0.2, accuracy 1/3, gap 0.1333, weight 3
        //   [1/3, 2/3): empty
        //   [2/3, 1]: 0.8 W, 0.9 R -> mean 0.85, accuracy 0.5, gap 0.35, weight 2
        //   ECE = (3 * 0.1333 + 2 * 0.35) / 5 = (0.4 + 0.7) / 5 = 0.22
        assertThat(metrics.ece().getAsDouble()).isCloseTo(0.22, EXACT);
        // equal mass, ideal ends floor(5/3) = 1, floor(10/3) = 3, 5:
        //   {0.1 W} gap 0.1; {0.2 R, 0.3 W} mean 0.25, accuracy 0.5, gap 0.25; {0.8 W, 0.9 R} gap 0.35
        //   ECE = (1 * 0.1 + 2 * 0.25 + 2 * 0.35) / 5 = 1.3 / 5 = 0.26
        assertThat(metrics.eceEqualMass().getAsDouble()).isCloseTo(0.26, EXACT);
        assertThat(metrics.reliability()).extracting(ReliabilityBin::count).containsExactly(3, 0, 2);
    }

    @Test
    void thresholdsAreConfigurable() {
        MetricsOptions options =
                MetricsOptions.DEFAULTS.withOverconfidenceThreshold(0.25).withUnderconfidenceThreshold(0.9);

        Metrics metrics = Metrics.of(mixed(), options);

        // wrong with c >= 0.25: 0.8 and 0.3 -> 2/5; right with c <= 0.9: 0.9 and 0.2 -> 2/5
        assertThat(metrics.overconfidenceRate().getAsDouble()).isCloseTo(0.4, EXACT);
        assertThat(metrics.underconfidenceRate().getAsDouble()).isCloseTo(0.4, EXACT);
    }

    @Test
    void emptyInputDefinesNothingButCounts() {
        Metrics metrics = Metrics.of(List.of());

        assertThat(metrics.n()).isZero();
        assertThat(metrics.errored()).isZero();
        assertThat(metrics.correct()).isZero();
        assertThat(metrics.missingConfidence()).isZero();
        assertThat(metrics.accuracy()).isEmpty();
        assertThat(metrics.accuracyCi()).isEmpty();
        assertThat(metrics.brier()).isEmpty();
        assertThat(metrics.ece()).isEmpty();
        assertThat(metrics.eceEqualMass()).isEmpty();
        assertThat(metrics.auroc()).isEmpty();
        assertThat(metrics.overconfidenceRate()).isEmpty();
        assertThat(metrics.underconfidenceRate()).isEmpty();
        assertThat(metrics.formatErrorRate()).isEmpty();
        assertThat(metrics.meanConfidence()).isEmpty();
        assertThat(metrics.reliability())
                .hasSize(10)
                .allSatisfy(bin -> assertThat(bin.count()).isZero());
    }

    @Test
    void onlyErroredCasesScoreNothing() {
        Metrics metrics = Metrics.of(List.of(CaseOutcome.errored(), CaseOutcome.errored()));

        assertThat(metrics.errored()).isEqualTo(2);
        assertThat(metrics.n()).isZero();
        assertThat(metrics.accuracy()).isEmpty();
        assertThat(metrics.formatErrorRate()).isEmpty();
    }

    @Test
    void erroredCasesAreNeverCountedAsWrong() {
        List<CaseOutcome> answered =
                List.of(CaseOutcome.passed(0.9), CaseOutcome.passed(0.6), CaseOutcome.failed(0.85));
        List<CaseOutcome> withErrors = new ArrayList<>(answered);
        withErrors.add(CaseOutcome.errored());
        withErrors.add(0, CaseOutcome.errored());

        Metrics clean = Metrics.of(answered);
        Metrics noisy = Metrics.of(withErrors);

        assertThat(noisy.errored()).isEqualTo(2);
        assertThat(noisy.accuracy()).hasValue(2.0 / 3);
        assertThat(noisy.overconfidenceRate()).isEqualTo(clean.overconfidenceRate());
        assertThat(noisy).usingRecursiveComparison().ignoringFields("errored").isEqualTo(clean);
    }

    @Test
    void oneCase() {
        Metrics metrics = Metrics.of(List.of(CaseOutcome.passed(0.7)));

        assertThat(metrics.accuracy()).hasValue(1.0);
        // (0.7 - 1)^2 = 0.09; ECE = |1 - 0.7|
        assertThat(metrics.brier().getAsDouble()).isCloseTo(0.09, EXACT);
        assertThat(metrics.ece().getAsDouble()).isCloseTo(0.3, EXACT);
        assertThat(metrics.eceEqualMass().getAsDouble()).isCloseTo(0.3, EXACT);
        // one class only: the ROC curve does not exist
        assertThat(metrics.auroc()).isEmpty();
        // Wilson for 1 of 1: lower = 1 / (1 + z^2) = 1 / 4.8415 = 0.2065, upper = 1
        assertThat(metrics.accuracyCi().orElseThrow().lower()).isCloseTo(0.2065, within(1e-4));
        assertThat(metrics.accuracyCi().orElseThrow().upper()).isCloseTo(1.0, EXACT);
        assertThat(metrics.overconfidenceRate()).hasValue(0.0);
        assertThat(metrics.underconfidenceRate()).hasValue(0.0);
    }

    @Test
    void allCorrect() {
        Metrics metrics = Metrics.of(List.of(CaseOutcome.passed(1.0), CaseOutcome.passed(0.5)));

        assertThat(metrics.accuracy()).hasValue(1.0);
        assertThat(metrics.auroc()).isEmpty();
        // (0^2 + 0.5^2) / 2 = 0.125
        assertThat(metrics.brier().getAsDouble()).isCloseTo(0.125, EXACT);
        assertThat(metrics.accuracyCi().orElseThrow().upper()).isCloseTo(1.0, EXACT);
        assertThat(metrics.overconfidenceRate()).hasValue(0.0);
    }

    @Test
    void allWrong() {
        Metrics metrics = Metrics.of(List.of(CaseOutcome.failed(0.0), CaseOutcome.failed(0.9)));

        assertThat(metrics.accuracy()).hasValue(0.0);
        assertThat(metrics.correct()).isZero();
        assertThat(metrics.auroc()).isEmpty();
        // (0^2 + 0.9^2) / 2 = 0.405
        assertThat(metrics.brier().getAsDouble()).isCloseTo(0.405, EXACT);
        assertThat(metrics.accuracyCi().orElseThrow().lower()).isCloseTo(0.0, EXACT);
        assertThat(metrics.overconfidenceRate()).hasValue(0.5);
    }

    @Test
    void allConfidencesEqual() {
        List<CaseOutcome> cases = List.of(
                CaseOutcome.passed(0.9), CaseOutcome.failed(0.9), CaseOutcome.passed(0.9), CaseOutcome.failed(0.9));

        Metrics metrics = Metrics.of(cases);

        // one populated bin: mean 0.9, accuracy 0.5 -> ECE 0.4 by either binning
        assertThat(metrics.ece().getAsDouble()).isCloseTo(0.4, EXACT);
        assertThat(metrics.eceEqualMass().getAsDouble()).isCloseTo(0.4, EXACT);
        // (0.01 + 0.81 + 0.01 + 0.81) / 4 = 0.41
        assertThat(metrics.brier().getAsDouble()).isCloseTo(0.41, EXACT);
        // every right/wrong pair is a tie, each worth 1/2
        assertThat(metrics.auroc().getAsDouble()).isCloseTo(0.5, EXACT);
    }

    @Test
    void confidenceOfExactlyOneAndZero() {
        Metrics metrics = Metrics.of(
                List.of(CaseOutcome.failed(1.0), CaseOutcome.passed(0.0)),
                MetricsOptions.DEFAULTS.withOverconfidenceThreshold(1.0).withUnderconfidenceThreshold(0.0));

        // 1.0 lands in the last bin, 0.0 in the first
        assertThat(metrics.reliability().get(9).count()).isEqualTo(1);
        assertThat(metrics.reliability().get(0).count()).isEqualTo(1);
        // both maximally wrong: squared error 1 each, gap 1 in each bin
        assertThat(metrics.brier()).hasValue(1.0);
        assertThat(metrics.ece()).hasValue(1.0);
        assertThat(metrics.auroc()).hasValue(0.0);
        // thresholds are inclusive at the extremes too
        assertThat(metrics.overconfidenceRate()).hasValue(0.5);
        assertThat(metrics.underconfidenceRate()).hasValue(0.5);
    }

    @Test
    void oneBinMeasuresOnlyOverallBias() {
        Metrics metrics = Metrics.of(mixed(), MetricsOptions.DEFAULTS.withBins(1));

        // one bin [0, 1]: mean confidence 0.46, accuracy over the 5 with a confidence 2/5 -> |0.4 - 0.46|
        assertThat(metrics.reliability()).singleElement().satisfies(bin -> {
            assertThat(bin.lower()).isEqualTo(0.0);
            assertThat(bin.upper()).isEqualTo(1.0);
            assertThat(bin.count()).isEqualTo(5);
        });
        assertThat(metrics.ece().getAsDouble()).isCloseTo(0.06, EXACT);
        assertThat(metrics.eceEqualMass().getAsDouble()).isCloseTo(0.06, EXACT);
    }

    @Test
    void withoutAnyConfidenceOnlyAccuracyIsDefined() {
        List<CaseOutcome> cases = List.of(
                CaseOutcome.passedWithoutConfidence(),
                CaseOutcome.passedWithoutConfidence(),
                CaseOutcome.failedWithoutConfidence());

        Metrics metrics = Metrics.of(cases);

        assertThat(metrics.accuracy().getAsDouble()).isCloseTo(2.0 / 3, EXACT);
        assertThat(metrics.missingConfidence()).isEqualTo(3);
        assertThat(metrics.brier()).isEmpty();
        assertThat(metrics.ece()).isEmpty();
        assertThat(metrics.eceEqualMass()).isEmpty();
        assertThat(metrics.auroc()).isEmpty();
        assertThat(metrics.overconfidenceRate()).isEmpty();
        assertThat(metrics.underconfidenceRate()).isEmpty();
        assertThat(metrics.meanConfidence()).isEmpty();
    }

    @Test
    void missingConfidencesDoNotDiluteCalibration() {
        Metrics alone = Metrics.of(List.of(CaseOutcome.failed(0.9)));
        Metrics diluted = Metrics.of(List.of(
                CaseOutcome.failed(0.9), CaseOutcome.passedWithoutConfidence(), CaseOutcome.failedWithoutConfidence()));

        // if a missing confidence were read as 0 or 0.5, these would move
        assertThat(diluted.brier()).isEqualTo(alone.brier());
        assertThat(diluted.ece()).isEqualTo(alone.ece());
        assertThat(diluted.overconfidenceRate()).hasValue(1.0);
        assertThat(diluted.meanConfidence()).hasValue(0.9);
        assertThat(diluted.accuracy().getAsDouble()).isCloseTo(1.0 / 3, EXACT);
    }

    @Test
    void perfectlyCalibratedSetHasNoCalibrationError() {
        // 100 cases at each of 0.05, 0.15, ..., 0.95, of which exactly 5, 15, ..., 95 pass
        List<CaseOutcome> cases = new ArrayList<>();
        for (int bin = 0; bin < 10; bin++) {
            double confidence = (bin * 10 + 5) / 100.0;
            for (int i = 0; i < 100; i++) {
                cases.add(i < bin * 10 + 5 ? CaseOutcome.passed(confidence) : CaseOutcome.failed(confidence));
            }
        }

        Metrics metrics = Metrics.of(cases);

        assertThat(metrics.ece().getAsDouble()).isCloseTo(0.0, within(1e-9));
        assertThat(metrics.eceEqualMass().getAsDouble()).isCloseTo(0.0, within(1e-9));
        // calibrated is not the same as sharp: higher confidence does mean right more often, so AUROC > 0.5
        assertThat(metrics.auroc().getAsDouble()).isGreaterThan(0.5);
    }

    @Test
    void equalMassAndEqualWidthDifferOnASkewedSet() {
        // all confidences in the top bin of two: [0.5, 1]
        List<CaseOutcome> cases = List.of(
                CaseOutcome.failed(0.6), CaseOutcome.passed(0.7), CaseOutcome.passed(0.8), CaseOutcome.passed(0.9));

        Metrics metrics = Metrics.of(cases, MetricsOptions.DEFAULTS.withBins(2));

        // equal width: one populated bin, mean 0.75, accuracy 0.75 -> 0: the miscalibration inside it is hidden
        assertThat(metrics.ece().getAsDouble()).isCloseTo(0.0, EXACT);
        // equal mass: {0.6 W, 0.7 R} mean 0.65 acc 0.5 gap 0.15; {0.8 R, 0.9 R} mean 0.85 acc 1 gap 0.15 -> 0.15
        assertThat(metrics.eceEqualMass().getAsDouble()).isCloseTo(0.15, EXACT);
    }

    @Test
    void resultDoesNotDependOnOrder() {
        List<CaseOutcome> shuffled = new ArrayList<>(mixed());
        Collections.shuffle(shuffled, new Random(42));
        Metrics original = Metrics.of(mixed(), MetricsOptions.DEFAULTS.withBins(3));
        Metrics reordered = Metrics.of(shuffled, MetricsOptions.DEFAULTS.withBins(3));

        assertThat(reordered.eceEqualMass().getAsDouble())
                .isCloseTo(original.eceEqualMass().getAsDouble(), EXACT);
        assertThat(reordered.ece().getAsDouble()).isCloseTo(original.ece().getAsDouble(), EXACT);
        assertThat(reordered.auroc()).isEqualTo(original.auroc());
        assertThat(reordered.accuracy()).isEqualTo(original.accuracy());
    }

    @Test
    void aBuilderStartsEmptyAndToBuilderKeepsEveryMetric() {
        Metrics empty = Metrics.builder().build();
        assertThat(empty.n()).isZero();
        assertThat(empty.accuracy()).isEmpty();
        assertThat(empty.accuracyCi()).isEmpty();
        assertThat(empty.reliability()).isEmpty();
        assertThat(empty.meanConfidence()).isEmpty();

        Metrics computed = Metrics.of(mixed());
        assertThat(computed.toBuilder().build()).isEqualTo(computed);
        assertThat(computed.toBuilder().accuracyCi(Optional.empty()).build())
                .isNotEqualTo(computed)
                .extracting(Metrics::accuracyCi)
                .isEqualTo(Optional.empty());
    }

    @Test
    void aBuilderRefusesCountsThatContradictEachOther() {
        assertThatThrownBy(() -> Metrics.builder().counts(2, 0, 3, 0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("correct=3");
    }
}
