package dev.rpt.tools.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rpt.core.calibration.CaseOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairedRandomizationTests {

    private final PairedRandomization test = new PairedRandomization(20_000, 5, 10);

    @Test
    void halfOfTheSwapsUndoTheOnlyChange() {
        // Brier 0.13 -> 0.53: only the first case changed, and swapping it gives -0.40; so P(change >= +0.40) = 1/2.
        List<Pair> pairs = List.of(
                Pair.of(CaseOutcome.passed(0.9), CaseOutcome.failed(0.9)),
                Pair.of(CaseOutcome.passed(0.5), CaseOutcome.passed(0.5)));
        assertThat(test.calibrationPValues(pairs).get(Counter.BRIER)).isCloseTo(0.5, within(0.01));
    }

    @Test
    void identicalRunsGiveNoEvidence() {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            CaseOutcome outcome = i % 3 == 0 ? CaseOutcome.failed(0.4) : CaseOutcome.passed(0.8);
            pairs.add(Pair.of(outcome, outcome));
        }
        assertThat(test.calibrationPValues(pairs))
                .containsEntry(Counter.ECE, 1.0)
                .containsEntry(Counter.BRIER, 1.0);
    }

    @Test
    void anOverconfidentRunIsSignificantlyWorseThanACalibratedBaseline() {
        // Baseline: 70 of 100 pass at confidence 0.7 (calibrated). Now the same outcomes at confidence 0.97.
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            boolean passed = i < 70;
            pairs.add(new Pair(
                    List.of(passed ? CaseOutcome.passed(0.7) : CaseOutcome.failed(0.7)),
                    List.of(passed ? CaseOutcome.passed(0.97) : CaseOutcome.failed(0.97))));
        }
        Map<Counter, Double> pValues = new PairedRandomization(999, 5, 10).calibrationPValues(pairs);
        // ECE 0 -> 0.27: no random half-and-half mix comes close.
        assertThat(pValues.get(Counter.ECE)).isEqualTo(1.0 / 1000);
        // Brier 0.210 -> 0.283, a smaller change relative to the swaps' spread, but still far in the tail.
        assertThat(pValues.get(Counter.BRIER)).isLessThan(0.01);
    }

    @Test
    void pairsWithoutAConfidenceOnBothSidesAreLeftOut() {
        List<Pair> pairs = List.of(Pair.of(CaseOutcome.passedWithoutConfidence(), CaseOutcome.failed(0.9)));
        assertThat(test.calibrationPValues(pairs)).isEmpty();
    }
}
