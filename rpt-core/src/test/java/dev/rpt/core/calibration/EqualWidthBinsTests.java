package dev.rpt.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EqualWidthBinsTests {

    @ParameterizedTest(name = "{0} with {1} bins -> bin {2}")
    @CsvSource({
        "0.0, 10, 0",
        "0.0999, 10, 0",
        "0.1, 10, 1",
        "0.3, 10, 3", // 0.3 * 10 is 3.0000000000000004 in floating point
        "0.7, 10, 7", // 0.7 * 10 is 7.000000000000001
        "0.9999, 10, 9",
        "1.0, 10, 9", // the last bin is closed
        "0.5, 2, 1",
        "0.4999, 2, 0",
        "1.0, 1, 0",
        "0.0, 1, 0"
    })
    void binOfAConfidenceMatchesItsEdges(double confidence, int bins, int expected) {
        assertThat(EqualWidthBins.indexOf(confidence, bins)).isEqualTo(expected);
    }

    @Test
    void everyConfidenceLiesWithinTheEdgesOfItsBin() {
        // i / B for i = 0..B, B up to 100: exactly the values where floor(c * B) can be off by one
        for (int bins = 1; bins <= 100; bins++) {
            for (int i = 0; i <= bins; i++) {
                double confidence = (double) i / bins;
                int index = EqualWidthBins.indexOf(confidence, bins);
                assertThat(confidence)
                        .as("confidence %s with %s bins in bin %s", confidence, bins, index)
                        .isGreaterThanOrEqualTo((double) index / bins);
                if (index < bins - 1) {
                    assertThat(confidence).isLessThan((double) (index + 1) / bins);
                }
            }
        }
    }

    @Test
    void binsCoverZeroToOneContiguously() {
        List<ReliabilityBin> bins = EqualWidthBins.of(List.of(new ScoredConfidence(0.55, true)), 4);

        assertThat(bins).extracting(ReliabilityBin::lower).containsExactly(0.0, 0.25, 0.5, 0.75);
        assertThat(bins).extracting(ReliabilityBin::upper).containsExactly(0.25, 0.5, 0.75, 1.0);
        assertThat(bins).extracting(ReliabilityBin::count).containsExactly(0, 0, 1, 0);
    }

    @Test
    void binAveragesItsCases() {
        List<ReliabilityBin> bins = EqualWidthBins.of(
                List.of(
                        new ScoredConfidence(0.6, true),
                        new ScoredConfidence(0.8, false),
                        new ScoredConfidence(0.7, true)),
                2);

        // [0.5, 1]: mean (0.6 + 0.8 + 0.7) / 3 = 0.7, accuracy 2/3
        ReliabilityBin top = bins.get(1);
        assertThat(top.count()).isEqualTo(3);
        assertThat(top.meanConfidence().getAsDouble()).isCloseTo(0.7, within(1e-12));
        assertThat(top.accuracy().getAsDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(bins.get(0).gap()).isEmpty();
    }
}
