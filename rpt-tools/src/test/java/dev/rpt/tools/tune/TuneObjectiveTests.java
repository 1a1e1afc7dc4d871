package dev.rpt.tools.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import dev.rpt.prompt.PromptFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The reliability objectives on fixed, synthetic samples with known answers: what each objective counts, and that the
 * adoption test under {@code pass^k} compares cases that pass every sample, so a candidate that only raises pass rates
 * is not adopted for reliability.
 */
class TuneObjectiveTests {

    private static final PromptFile SEED = PromptFile.parse("seed.prompt", "{{role \"user\"}}\n{{question}}\n");
    private static final PromptFile CANDIDATE =
            PromptFile.parse("candidate.prompt", "{{role \"system\"}}\nThink.\n{{role \"user\"}}\n{{question}}\n");

    @Test
    void reliabilityCountsCasesThatPassEverySampleAndCasesThatPassOnlySometimes() {
        Reliability reliability = Reliability.of(List.of(
                samples(3, 3),
                samples(3, 2),
                samples(3, 0),
                List.of(CaseOutcome.errored(), CaseOutcome.passed(0.9)),
                List.of(CaseOutcome.errored())));

        // The errored sample is left out, and the case with no scored sample does not count.
        assertThat(reliability.cases()).isEqualTo(4);
        assertThat(reliability.passedEvery()).isEqualTo(2);
        assertThat(reliability.unstable()).isEqualTo(1);
        assertThat(reliability.passAll()).hasValue(0.5);
        assertThat(reliability.passRate().getAsDouble()).isCloseTo((1 + 2.0 / 3 + 0 + 1) / 4, Offset.offset(1e-12));
        assertThat(Reliability.of(List.of()).passAll()).isEmpty();
    }

    @Test
    void eachObjectiveScoresItsOwnValueMinusTheBrierWeight() {
        List<List<CaseOutcome>> cases = List.of(samples(4, 4), samples(4, 2));
        Metrics metrics = Metrics.of(cases.stream().flatMap(List::stream).toList());
        Reliability reliability = Reliability.of(cases);
        double brier = metrics.brier().orElseThrow();

        assertThat(TuneObjective.ACCURACY.score(metrics, reliability, 0.1)).isCloseTo(0.75 - 0.1 * brier, CLOSE);
        assertThat(TuneObjective.PASS_RATE.score(metrics, reliability, 0.1)).isCloseTo(0.75 - 0.1 * brier, CLOSE);
        assertThat(TuneObjective.PASS_K.score(metrics, reliability, 0.1)).isCloseTo(0.5 - 0.1 * brier, CLOSE);
        assertThat(TuneObjective.PASS_K.label(5)).isEqualTo("pass^5");
    }

    @Test
    void underPassKACaseThatBecameReliableIsAGainAndTheTestIsMcNemars() {
        // 40 confirmation cases, 3 samples each. Seed: 16 pass every sample, 24 pass two of three.
        // Candidate: 36 pass every sample. pass^3 goes from 0.40 to 0.90: 20 cases gained, none lost.
        Evaluation seed = evaluation(1, SEED, confirm(16, 24, 3, 2));
        Evaluation best = evaluation(2, CANDIDATE, confirm(36, 4, 3, 2));

        Adoption adoption = Adoption.decide(seed, best, AdoptionPolicy.DEFAULTS, TuneObjective.PASS_K);

        assertThat(adoption.adopted()).isTrue();
        assertThat(adoption.confirmation()).hasValueSatisfying(c -> {
            assertThat(c.before()).isCloseTo(0.4, CLOSE);
            assertThat(c.after()).isCloseTo(0.9, CLOSE);
            assertThat(c.test()).startsWith("McNemar").contains("20 gained, 0 lost");
        });
        assertThat(adoption.lines(seed, best, AdoptionPolicy.DEFAULTS, TuneObjective.PASS_K, 3))
                .first()
                .asString()
                .contains("seed pass^3 0.400")
                .contains("candidate pass^3 0.900");
    }

    @Test
    void aCandidateThatOnlyRaisesPassRatesIsAdoptedForPassRateButNotForPassK() {
        // Seed: 20 cases pass 1 of 3 samples, 20 pass all 3. Candidate: the 20 pass 2 of 3. Every case's pass rate
        // rose or held, but no case became reliable.
        Evaluation seed = evaluation(1, SEED, confirm(20, 20, 3, 1));
        Evaluation best = evaluation(2, CANDIDATE, confirm(20, 20, 3, 2));

        Adoption forPassRate = Adoption.decide(seed, best, AdoptionPolicy.DEFAULTS, TuneObjective.PASS_RATE);
        Adoption forPassK = Adoption.decide(seed, best, AdoptionPolicy.DEFAULTS, TuneObjective.PASS_K);

        assertThat(forPassRate.adopted()).isTrue();
        assertThat(forPassRate.confirmation().orElseThrow().test()).startsWith("paired sign-flip test");
        assertThat(forPassK.adopted()).isFalse();
        assertThat(forPassK.confirmation().orElseThrow().gain()).isZero();
        assertThat(forPassK.reason()).contains("is not beyond 0.020");
    }

    @Test
    void theObjectiveAndItsSamplesComeFromTheConfiguration() {
        assertThat(TuneSettings.from(RptConfig.of(Map.of())).objective()).isEqualTo(TuneObjective.ACCURACY);
        assertThat(TuneSettings.from(RptConfig.of(Map.of())).samples()).isEqualTo(1);

        TuneSettings passK = TuneSettings.from(RptConfig.of(Map.of("rpt.tune.objective", "pass^k")));
        assertThat(passK.objective()).isEqualTo(TuneObjective.PASS_K);
        assertThat(passK.samples()).isEqualTo(3);
        assertThat(passK.objectiveLabel()).isEqualTo("pass^3");

        RptConfig repeated = RptConfig.of(Map.of("rpt.tune.objective", "pass-rate", "rpt.repeat", "5"));
        assertThat(TuneSettings.from(repeated).samples()).isEqualTo(5);
        assertThat(TuneSettings.runOverrides(repeated)).containsExactly(Map.entry("rpt.repeat", "5"));

        RptConfig explicit = RptConfig.of(Map.of("rpt.tune.objective", "pass^k", "rpt.tune.samples", "8"));
        assertThat(TuneSettings.runOverrides(explicit)).containsExactly(Map.entry("rpt.repeat", "8"));
        assertThat(TuneSettings.runOverrides(RptConfig.of(Map.of()))).isEmpty();

        assertThatThrownBy(() -> TuneSettings.from(RptConfig.of(Map.of("rpt.tune.objective", "reliability"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.tune.objective")
                .hasMessageContaining("accuracy, pass-rate, pass^k");
        assertThatThrownBy(() -> TuneSettings.from(
                        RptConfig.of(Map.of("rpt.tune.objective", "pass^k", "rpt.tune.samples", "1"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.tune.samples");
    }

    @Test
    void aRepeatObjectiveAtTemperatureZeroIsWarnedAbout() {
        assertThat(TuneSettings.greedySamplingWarning(RptConfig.of(Map.of("rpt.tune.objective", "pass^k"))))
                .hasValueSatisfying(warning ->
                        assertThat(warning).contains("rpt.temperature is 0").contains("-Drpt.temperature=0.7"));
        assertThat(TuneSettings.greedySamplingWarning(
                        RptConfig.of(Map.of("rpt.tune.objective", "pass^k", "rpt.temperature", "0.7"))))
                .isEmpty();
        assertThat(TuneSettings.greedySamplingWarning(RptConfig.of(Map.of()))).isEmpty();
    }

    private static final Offset<Double> CLOSE = Offset.offset(1e-9);

    /** {@code n} samples of which the first {@code passed} pass. */
    private static List<CaseOutcome> samples(int n, int passed) {
        List<CaseOutcome> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            samples.add(i < passed ? CaseOutcome.passed(0.8) : CaseOutcome.failed(0.8));
        }
        return samples;
    }

    /** {@code reliable} cases passing all {@code k} samples, then {@code others} passing {@code passed} of them. */
    private static SortedMap<String, List<CaseOutcome>> confirm(int reliable, int others, int k, int passed) {
        SortedMap<String, List<CaseOutcome>> cases = new TreeMap<>();
        for (int i = 0; i < reliable + others; i++) {
            cases.put(String.format("c%03d", i), samples(k, i < reliable ? k : passed));
        }
        return cases;
    }

    private static Evaluation evaluation(int iteration, PromptFile prompt, SortedMap<String, List<CaseOutcome>> cases) {
        return AdoptionTests.evaluation(iteration, prompt, cases, List.of());
    }
}
