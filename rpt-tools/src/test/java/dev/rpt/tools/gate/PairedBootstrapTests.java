package dev.rpt.tools.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The paired bootstrap against values that follow from its definition. */
class PairedBootstrapTests {

    private static final int RESAMPLES = 999;
    private final PairedBootstrap bootstrap = new PairedBootstrap(RESAMPLES, 7, 0.05, MetricsOptions.DEFAULTS);

    @Test
    void aChangeOnEveryCaseIsTheSameInEveryResample() {
        // Baseline: 50 passes at confidence 1.0 (ECE 0, Brier 0). Current: the same passes at 0.8 (binned ECE 0.2,
        // debiased a hair less: the gap is 3.4 standard errors from 0; Brier 0.04). Every resample shows exactly that
        // change, so the interval collapses onto it.
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            pairs.add(Pair.of(CaseOutcome.passed(1.0), CaseOutcome.passed(0.8)));
        }
        Map<Counter, Change> changes = bootstrap.calibration(pairs);
        Change ece = changes.get(Counter.ECE);
        assertThat(ece.baseline()).isCloseTo(0.0, within(1e-12));
        assertThat(ece.current()).isCloseTo(0.2, within(1e-3));
        assertThat(ece.lower()).isCloseTo(ece.current(), within(1e-9));
        assertThat(ece.upper()).isCloseTo(ece.current(), within(1e-9));
        Change brier = changes.get(Counter.BRIER);
        assertThat(brier.current()).isCloseTo(0.04, within(1e-12));
        assertThat(brier.lower()).isCloseTo(0.04, within(1e-9));
    }

    @Test
    void anIntervalNeverLeavesThePossibleRange() {
        // The README's confirmation: the seed failed all 21 cases, the candidate passed 20. The resampled gains centre
        // on the observed +0.952 and reach +1 at most; the shift onto the observed change must not carry them past it,
        // wherever the one failed case sits (its position decides which resamples draw it).
        CaseOutcome failed = new CaseOutcome(Verdict.FAILED, OptionalDouble.of(0.9), false);
        for (int position = 0; position < 21; position++) {
            List<List<CaseOutcome>> before = new ArrayList<>();
            List<List<CaseOutcome>> after = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                before.add(List.of(failed));
                after.add(List.of(i == position ? failed : CaseOutcome.passed(0.9)));
            }
            PairedImprovement gain = PairedImprovement.of(before, after, 0.05, RegressionOptions.DEFAULTS);

            assertThat(gain.gain()).isCloseTo(20.0 / 21, within(1e-12));
            assertThat(gain.upper()).as("failed case at %d", position).isLessThanOrEqualTo(1.0);
            assertThat(gain.lower()).isGreaterThanOrEqualTo(-1.0);
        }
    }

    @Test
    void identicalRunsHaveAnIntervalOfZero() {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            CaseOutcome outcome = i % 3 == 0 ? CaseOutcome.failed(0.7) : CaseOutcome.passed(0.6);
            pairs.add(Pair.of(outcome, outcome));
        }
        // Every resample has change 0.
        Change ece = bootstrap.calibration(pairs).get(Counter.ECE);
        assertThat(ece.lower()).isCloseTo(0.0, within(1e-12));
        assertThat(ece.upper()).isCloseTo(0.0, within(1e-12));
        Change accuracy = bootstrap.accuracy(pairs);
        assertThat(accuracy.lower()).isCloseTo(0.0, within(1e-12));
        assertThat(accuracy.upper()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void oneChangedCaseOfTwentyLeavesNoChangeInsideTheInterval() {
        // Only case 0 differs (Brier 0.01 -> 0.81 on it). A resample misses it with probability (19/20)^20 = 0.358,
        // so about a third of the resamples show no change, and the interval reaches down to about zero.
        List<Pair> pairs = new ArrayList<>();
        pairs.add(Pair.of(CaseOutcome.passed(0.9), CaseOutcome.failed(0.9)));
        for (int i = 1; i < 20; i++) {
            pairs.add(Pair.of(CaseOutcome.passed(0.9), CaseOutcome.passed(0.9)));
        }
        Change brier = bootstrap.calibration(pairs).get(Counter.BRIER);
        assertThat(brier.current() - brier.baseline()).isCloseTo(0.04, within(1e-12));
        assertThat(brier.lower()).isCloseTo(0.0, within(0.005));
        assertThat(brier.upper()).isGreaterThan(0.04);
        Change accuracy = bootstrap.accuracy(pairs);
        assertThat(accuracy.current() - accuracy.baseline()).isCloseTo(-0.05, within(1e-12));
        assertThat(accuracy.lower()).isLessThan(-0.05);
        // The resamples are re-centred on the observed change, which moves the ends by the tiny resampling bias.
        assertThat(accuracy.upper()).isCloseTo(0.0, within(0.005));
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            pairs.add(Pair.of(CaseOutcome.passed(0.5 + i / 100.0), CaseOutcome.failed(0.4 + i / 100.0)));
        }
        assertThat(bootstrap.calibration(pairs))
                .isEqualTo(new PairedBootstrap(RESAMPLES, 7, 0.05, MetricsOptions.DEFAULTS).calibration(pairs));
    }

    @Test
    void noCalibratedPairMeansNoCalibrationChange() {
        List<Pair> pairs = List.of(Pair.of(CaseOutcome.passedWithoutConfidence(), CaseOutcome.passed(0.9)));
        assertThat(bootstrap.calibration(pairs)).isEmpty();
    }
}
