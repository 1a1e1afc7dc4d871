package dev.rpt.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationSumsTests {

    @Test
    void knownValuesOnTwoBins() {
        CalibrationSums sums = new CalibrationSums(2);
        sums.add(0.9, true);
        sums.add(0.7, false);
        sums.add(0.2, false);
        // Upper bin: accuracy 1/2, mean confidence 0.8, gap 0.3 on 2 cases; lower bin: 0 vs 0.2 on 1 case.
        assertThat(sums.ece().getAsDouble()).isCloseTo((2 * 0.3 + 0.2) / 3, within(1e-12));
        assertThat(sums.brier().getAsDouble()).isCloseTo((0.01 + 0.49 + 0.04) / 3, within(1e-12));
        assertThat(sums.count()).isEqualTo(3);
    }

    @Test
    void agreesWithMetricsOnRandomJudgementsAndEdgeConfidences() {
        Random random = new Random(7);
        for (int bins : new int[] {1, 10, 15}) {
            CalibrationSums sums = new CalibrationSums(bins);
            for (int round = 0; round < 20; round++) {
                sums.clear();
                List<CaseOutcome> outcomes = new ArrayList<>();
                for (int i = 0; i < 1 + random.nextInt(300); i++) {
                    // Confidences on bin edges (0.1, 0.3, 1.0) are where floor(c * B) can land one bin off.
                    double confidence = random.nextBoolean()
                            ? random.nextInt(11) / 10.0
                            : Math.round(random.nextDouble() * 100) / 100.0;
                    boolean passed = random.nextDouble() < confidence;
                    outcomes.add(passed ? CaseOutcome.passed(confidence) : CaseOutcome.failed(confidence));
                    sums.add(confidence, passed);
                }
                Metrics metrics = Metrics.of(outcomes, new MetricsOptions(bins, 0.8, 0.2, 0.95));
                assertThat(sums.ece().getAsDouble()).isCloseTo(metrics.ece().getAsDouble(), within(1e-12));
                assertThat(sums.brier().getAsDouble()).isCloseTo(metrics.brier().getAsDouble(), within(1e-12));
            }
        }
    }

    @Test
    void emptySumsDefineNothing() {
        CalibrationSums sums = new CalibrationSums(10);
        sums.add(0.5, true);
        sums.clear();
        assertThat(sums.ece()).isEmpty();
        assertThat(sums.brier()).isEmpty();
        assertThat(sums.count()).isZero();
    }

    @Test
    void rejectsImpossibleBinCounts() {
        assertThatThrownBy(() -> new CalibrationSums(0)).hasMessageContaining("bins must be between 1 and 1000, got 0");
    }
}
