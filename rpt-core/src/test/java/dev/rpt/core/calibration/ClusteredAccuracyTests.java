package dev.rpt.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * With repeats, the accuracy interval treats the case as the unit: samples of one case are correlated. Simulated as
 * the issue asks: 50 cases of 10 samples, each case's chance of being right drawn from a Beta distribution with the
 * given mean and within-case correlation (ICC), so the true accuracy is the mean.
 */
class ClusteredAccuracyTests {

    private static final int RUNS = 2000;

    @ParameterizedTest(name = "accuracy {0}, within-case correlation {1}")
    @CsvSource({"0.7, 0.0", "0.7, 0.3", "0.7, 0.6", "0.85, 0.3", "0.85, 0.6", "0.5, 0.6"})
    void aNinetyFivePercentIntervalCoversTheTrueAccuracyNinetyFivePercentOfTheTime(double mean, double icc) {
        Well19937c random = new Well19937c(Double.doubleToLongBits(mean) ^ Double.doubleToLongBits(icc));
        BetaDistribution chances =
                icc == 0 ? null : new BetaDistribution(random, mean * (1 - icc) / icc, (1 - mean) * (1 - icc) / icc);
        int covered = 0;
        int coveredBySamples = 0;
        for (int run = 0; run < RUNS; run++) {
            List<List<CaseOutcome>> cases = new ArrayList<>();
            for (int c = 0; c < 50; c++) {
                double chance = chances == null ? mean : chances.sample();
                List<CaseOutcome> samples = new ArrayList<>();
                for (int s = 0; s < 10; s++) {
                    samples.add(
                            random.nextDouble() < chance
                                    ? CaseOutcome.passed(0.5)
                                    : new CaseOutcome(Verdict.FAILED, OptionalDouble.of(0.5), false));
                }
                cases.add(samples);
            }
            Interval clustered =
                    Metrics.ofCases(cases, MetricsOptions.DEFAULTS).accuracyCi().orElseThrow();
            Interval naive = Metrics.of(cases.stream().flatMap(List::stream).toList(), MetricsOptions.DEFAULTS)
                    .accuracyCi()
                    .orElseThrow();
            covered += clustered.lower() <= mean && mean <= clustered.upper() ? 1 : 0;
            coveredBySamples += naive.lower() <= mean && mean <= naive.upper() ? 1 : 0;
        }
        double coverage = covered / (double) RUNS;
        // 2,000 runs at a true 95% give 95.0% +/- 0.5%; the band is 93-97%.
        assertThat(coverage).as("coverage of the case-level interval").isBetween(0.93, 0.97);
        if (icc >= 0.3) {
            assertThat(coveredBySamples / (double) RUNS)
                    .as("samples counted as independent cases cover too rarely")
                    .isLessThan(0.9);
        }
    }

    @Test
    void oneSamplePerCaseKeepsWilsonsInterval() {
        List<List<CaseOutcome>> cases = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            cases.add(List.of(
                    c < 15 ? CaseOutcome.passed(0.9) : new CaseOutcome(Verdict.FAILED, OptionalDouble.of(0.9), false)));
        }
        assertThat(Metrics.ofCases(cases, MetricsOptions.DEFAULTS))
                .isEqualTo(Metrics.of(cases.stream().flatMap(List::stream).toList(), MetricsOptions.DEFAULTS));
    }

    @Test
    void casesThatAllPassCountOnceEach() {
        List<List<CaseOutcome>> cases = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            cases.add(List.of(CaseOutcome.passed(0.9), CaseOutcome.passed(0.9), CaseOutcome.passed(0.9)));
        }
        Interval clustered =
                Metrics.ofCases(cases, MetricsOptions.DEFAULTS).accuracyCi().orElseThrow();
        Interval tenCases = AccuracyInterval.wilson(10, 10, 0.95).orElseThrow();
        assertThat(clustered.upper()).isEqualTo(1.0);
        assertThat(clustered.lower()).isCloseTo(tenCases.lower(), org.assertj.core.api.Assertions.within(1e-9));
    }
}
