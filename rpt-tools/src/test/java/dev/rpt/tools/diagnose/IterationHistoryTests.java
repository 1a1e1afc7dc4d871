package dev.rpt.tools.diagnose;

import static dev.rpt.tools.diagnose.Fixtures.metrics;
import static dev.rpt.tools.diagnose.Fixtures.mode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IterationHistoryTests {

    // Accuracy 0.5, 0.7, 0.6, 0.7 at confidence 0.9; the fourth ties the second and so does not improve on it.
    private static IterationHistory fourIterations() {
        return IterationHistory.empty()
                .with(new IterationRecord(
                        1,
                        metrics(10, 5, 0.9),
                        List.of(mode("wrong final number", 4, 5), mode("extra", 1, 5)),
                        List.of()))
                .with(new IterationRecord(
                        2,
                        metrics(10, 7, 0.9),
                        List.of(mode("Wrong final number", 2, 3), mode("extra", 1, 3)),
                        List.of("wrong final number", "extra")))
                .with(new IterationRecord(3, metrics(10, 6, 0.9), List.of(mode("extra", 4, 4)), List.of("extra")))
                .with(new IterationRecord(
                        4, metrics(10, 7, 0.9), List.of(mode("new", 3, 3)), List.of("extra", "ghost")));
    }

    @Test
    void theFirstIterationHasNoDeltasAndIsBest() {
        IterationHistory history =
                IterationHistory.empty().with(new IterationRecord(1, metrics(10, 5, 0.9), List.of(), List.of()));
        assertThat(history.vsPrevious()).isEmpty();
        assertThat(history.vsBest()).isEmpty();
        assertThat(history.best().orElseThrow().iteration()).isEqualTo(1);
        assertThat(history.nonImprovingStreak()).isZero();
        assertThat(history.patchHistory()).isEmpty();
    }

    @Test
    void deltasCompareWithThePreviousAndTheBestIteration() {
        IterationHistory history = fourIterations();
        MetricDeltas previous = history.vsPrevious().orElseThrow();
        assertThat(previous.accuracy().getAsDouble()).isCloseTo(0.1, within(1e-12));
        // Brier at confidence 0.9: 0.01 per right and 0.81 per wrong answer.
        assertThat(previous.brier().getAsDouble()).isCloseTo(0.25 - 0.33, within(1e-12));
        MetricDeltas best = history.vsBest().orElseThrow();
        assertThat(best.accuracy().getAsDouble()).isCloseTo(0.0, within(1e-12));
        assertThat(best.brier().getAsDouble()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void theBestIsTheHighestScoreAndTheEarliestOnATie() {
        IterationHistory history = fourIterations();
        assertThat(history.best().orElseThrow().iteration()).isEqualTo(2);
        assertThat(history.best().orElseThrow().score()).isCloseTo(0.7 - 0.05 * 0.25, within(1e-12));
    }

    @Test
    void theStreakCountsIterationsThatDidNotBeatTheBestBeforeThem() {
        IterationHistory history = fourIterations();
        assertThat(history.nonImprovingStreak()).isEqualTo(2);
        IterationHistory improved = history.with(new IterationRecord(5, metrics(10, 8, 0.9), List.of(), List.of()));
        assertThat(improved.nonImprovingStreak()).isZero();
        assertThat(history.nonImprovingStreak()).isEqualTo(2);
    }

    @Test
    void eachPatchSaysWhetherItsTargetsShrankInTheNextEvaluation() {
        List<PatchOutcome> patches = fourIterations().patchHistory();
        assertThat(patches).extracting(PatchOutcome::iteration).containsExactly(1, 2, 3);
        // Labels match after normalization; "extra" stayed at 1.
        assertThat(patches.get(0).shrank())
                .containsExactly(Map.entry("wrong final number", true), Map.entry("extra", false));
        // "extra" grew from 1 to 4.
        assertThat(patches.get(1).shrank()).containsExactly(Map.entry("extra", false));
        // "extra" disappeared: it shrank; "ghost" was never a mode: it cannot have shrunk.
        assertThat(patches.get(2).shrank()).containsExactly(Map.entry("extra", true), Map.entry("ghost", false));
        assertThat(patches.get(2).targets()).containsExactly("extra", "ghost");
    }

    @Test
    void iterationsMustIncrease() {
        IterationHistory history =
                IterationHistory.empty().with(new IterationRecord(2, metrics(4, 2, 0.5), List.of(), List.of()));
        assertThatThrownBy(() -> history.with(new IterationRecord(2, metrics(4, 2, 0.5), List.of(), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iteration 2 cannot follow iteration 2");
    }
}
