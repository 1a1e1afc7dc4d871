package dev.rpt.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EqualMassBinsTests {

    private static List<ScoredConfidence> confidences(double... values) {
        List<ScoredConfidence> judgements = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            judgements.add(new ScoredConfidence(values[i], i % 2 == 0));
        }
        return judgements;
    }

    @Test
    void sizesDifferByAtMostOne() {
        // 10 distinct values into 3 bins: ends floor(10/3) = 3, floor(20/3) = 6, 10
        List<ReliabilityBin> bins = EqualMassBins.of(confidences(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0), 3);

        assertThat(bins).extracting(ReliabilityBin::count).containsExactly(3, 3, 4);
        assertThat(bins).extracting(ReliabilityBin::lower).containsExactly(0.1, 0.4, 0.7);
        assertThat(bins).extracting(ReliabilityBin::upper).containsExactly(0.3, 0.6, 1.0);
    }

    @Test
    void sortsByConfidenceFirst() {
        List<ReliabilityBin> bins = EqualMassBins.of(confidences(0.9, 0.1, 0.8, 0.2), 2);

        assertThat(bins).extracting(ReliabilityBin::lower).containsExactly(0.1, 0.8);
        assertThat(bins).extracting(ReliabilityBin::upper).containsExactly(0.2, 0.9);
    }

    @Test
    void aBoundaryInsideTiesMovesForwardWhenTheRunEndIsNearer() {
        // ideal boundary at 3 cuts the run of 0.2 at [1, 4): back is 2 away, forward 1 -> 4
        List<ReliabilityBin> bins = EqualMassBins.of(confidences(0.1, 0.2, 0.2, 0.2, 0.3, 0.4), 2);

        assertThat(bins).extracting(ReliabilityBin::count).containsExactly(4, 2);
    }

    @Test
    void aBoundaryInsideTiesMovesBackWhenTheRunStartIsNearer() {
        // ideal boundary at 3 cuts the run of 0.3 at [2, 5): back is 1 away, forward 2 -> 2
        List<ReliabilityBin> bins = EqualMassBins.of(confidences(0.1, 0.2, 0.3, 0.3, 0.3, 0.4), 2);

        assertThat(bins).extracting(ReliabilityBin::count).containsExactly(2, 4);
    }

    @Test
    void aLongRunOfTiesFillsOneBinAndLeavesFewerBins() {
        // ideal ends 2, 4, 6; the run of 0.5 is [1, 6): the first boundary moves back to 1, the second cannot move
        // back without emptying its bin, so it moves forward to 6 and the third bin has nothing left
        List<ReliabilityBin> bins = EqualMassBins.of(confidences(0.1, 0.5, 0.5, 0.5, 0.5, 0.5), 3);

        assertThat(bins).extracting(ReliabilityBin::count).containsExactly(1, 5);
    }

    @Test
    void tiedCasesShareABinWhateverTheirOrder() {
        // split by position, [R, R | W, W] would give ECE 0.5; kept together the bin is mean 0.5, accuracy 0.5
        List<ScoredConfidence> ordered = List.of(
                new ScoredConfidence(0.5, true),
                new ScoredConfidence(0.5, true),
                new ScoredConfidence(0.5, false),
                new ScoredConfidence(0.5, false));

        List<ReliabilityBin> bins = EqualMassBins.of(ordered, 2);

        assertThat(bins)
                .singleElement()
                .satisfies(bin -> assertThat(bin.count()).isEqualTo(4));
        assertThat(CalibrationError.of(bins)).hasValue(0.0);
    }

    @Test
    void binsDoNotDependOnInputOrder() {
        List<ScoredConfidence> judgements = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            // coarse confidences so there are many ties
            judgements.add(new ScoredConfidence(random.nextInt(6) / 5.0, random.nextBoolean()));
        }
        List<ReliabilityBin> expected = EqualMassBins.of(judgements, 7);

        for (int round = 0; round < 5; round++) {
            Collections.shuffle(judgements, random);
            List<ReliabilityBin> actual = EqualMassBins.of(judgements, 7);
            assertThat(actual)
                    .extracting(ReliabilityBin::count)
                    .isEqualTo(expected.stream().map(ReliabilityBin::count).toList());
            assertThat(actual)
                    .extracting(ReliabilityBin::accuracy)
                    .isEqualTo(expected.stream().map(ReliabilityBin::accuracy).toList());
        }
    }

    @Test
    void fewerCasesThanBinsGiveOneBinPerCase() {
        assertThat(EqualMassBins.of(confidences(0.3, 0.6), 10)).hasSize(2);
        assertThat(EqualMassBins.of(List.of(), 10)).isEmpty();
    }
}
