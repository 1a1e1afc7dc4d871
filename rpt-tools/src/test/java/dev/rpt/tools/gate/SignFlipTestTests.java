package dev.rpt.tools.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SignFlipTestTests {

    @Test
    void matchesTheExactTailOnThreeCases() {
        // Of the 8 sign patterns of (-1, -0.5, -0.5), only all-negative reaches the observed sum -2: p = 1/8.
        double p = SignFlipTest.oneSidedP(new double[] {-1, -0.5, -0.5}, 100_000, 1);
        assertThat(p).isCloseTo(0.125, within(0.005));
    }

    @Test
    void withSingleSamplesItIsMcNemarsExactTest() {
        // 10 cases worse, 2 better, 188 unchanged: McNemar's exact one-sided p is 79/4096 = 0.0193.
        double[] differences = new double[200];
        Arrays.fill(differences, 0, 10, -1);
        Arrays.fill(differences, 10, 12, 1);
        assertThat(SignFlipTest.oneSidedP(differences, 100_000, 1)).isCloseTo(79.0 / 4096, within(0.002));
    }

    @Test
    void noChangeAndImprovementsAreNotEvidenceOfWorsening() {
        assertThat(SignFlipTest.oneSidedP(new double[50], 2000, 1)).isEqualTo(1.0);
        double[] better = new double[50];
        Arrays.fill(better, 0.4);
        assertThat(SignFlipTest.oneSidedP(better, 2000, 1)).isGreaterThan(0.99);
    }

    @Test
    void aClearDropIsResolvedToTheSmallestPValueTheResamplesAllow() {
        double[] worse = new double[100];
        Arrays.fill(worse, -0.2);
        assertThat(SignFlipTest.oneSidedP(worse, 999, 1)).isEqualTo(1.0 / 1000);
    }

    @Test
    void isReproducibleForOneSeed() {
        double[] differences = {-0.3, 0.1, -0.2, 0, 0.4, -0.6, -0.1};
        assertThat(SignFlipTest.oneSidedP(differences, 500, 9)).isEqualTo(SignFlipTest.oneSidedP(differences, 500, 9));
    }
}
