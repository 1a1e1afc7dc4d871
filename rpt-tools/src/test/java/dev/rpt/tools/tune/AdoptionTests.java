package dev.rpt.tools.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.prompt.PromptFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The adoption decision on fixed, synthetic paired outcomes with known answers, so that it cannot be satisfied by
 * tuning the simulator: a win that is noise, a real win, a win below the minimum gain, a must-pass regression.
 */
class AdoptionTests {

    private static final PromptFile SEED = PromptFile.parse("seed.prompt", "{{role \"user\"}}\n{{question}}\n");
    private static final PromptFile CANDIDATE =
            PromptFile.parse("candidate.prompt", "{{role \"system\"}}\nThink.\n{{role \"user\"}}\n{{question}}\n");

    @Test
    void aRealWinOnTheConfirmationCasesIsAdopted() {
        // 40 cases; the candidate gains 10 and loses 1: McNemar exact, p = 12/2048.
        Evaluation seed = evaluation(1, SEED, outcomes(40, 20, List.of()), List.of());
        Evaluation best = evaluation(2, CANDIDATE, outcomes(40, 30, List.of(0)), List.of());

        Adoption adoption = Adoption.decide(seed, best, AdoptionPolicy.DEFAULTS);

        assertThat(adoption.adopted()).isTrue();
        assertThat(adoption.confirmation()).hasValueSatisfying(c -> {
            assertThat(c.cases()).isEqualTo(40);
            assertThat(c.before()).isEqualTo(0.5);
            assertThat(c.after()).isEqualTo(0.725);
            assertThat(c.pValue()).isCloseTo(12.0 / 2048, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(c.test()).isEqualTo("McNemar exact binomial (10 gained, 1 lost)");
            assertThat(c.lower()).isPositive();
        });
        assertThat(adoption.lines(seed, best, AdoptionPolicy.DEFAULTS))
                .containsExactly(
                        "Confirmation on 40 held-out cases that chose nothing: seed 0.500 [0.352, 0.648], candidate"
                                + " 0.725 [0.572, 0.839]; gain +0.225, 90% interval ["
                                + String.format(
                                        Locale.ROOT,
                                        "%+.3f",
                                        adoption.confirmation().get().lower()) + ", "
                                + String.format(
                                        Locale.ROOT,
                                        "%+.3f",
                                        adoption.confirmation().get().upper())
                                + "]; McNemar exact binomial (10 gained, 1 lost), one-sided p = 0.0059",
                        "Adopted: its gain on the confirmation cases is beyond 0.020 and significant. The gain was"
                                + " measured on cases that chose nothing, but it is reported because it came out large"
                                + " enough to adopt: over the tunes that adopt, it overstates the true gain, most when"
                                + " the true gain is small (docs/tuning.md, Adopting a candidate).");
    }

    @Test
    void aWinThatIsNoiseKeepsTheSeedAndSaysHowToWriteTheCandidateAnyway() {
        // The candidate gains 4 and loses 2 of 40: a raw gain of 0.05, p = 22/64 = 0.34.
        Evaluation seed = evaluation(1, SEED, outcomes(40, 20, List.of()), List.of());
        Evaluation best = evaluation(2, CANDIDATE, outcomes(40, 24, List.of(0, 1)), List.of());

        Adoption adoption = Adoption.decide(seed, best, AdoptionPolicy.DEFAULTS);

        assertThat(adoption.adopted()).isFalse();
        assertThat(adoption.reason())
                .isEqualTo("its gain on the confirmation cases is not significant (p = 0.3438, alpha 0.050)");
        assertThat(adoption.lines(seed, best, AdoptionPolicy.DEFAULTS))
                .last()
                .isEqualTo("Not adopted: its gain on the confirmation cases is not significant (p = 0.3438, alpha"
                        + " 0.050). The seed is kept. To write the candidate anyway: -Drpt.tune.adopt=always.");
    }

    @Test
    void withAdoptAlwaysANoiseWinIsWrittenAndSaysSo() {
        Evaluation seed = evaluation(1, SEED, outcomes(40, 20, List.of()), List.of());
        Evaluation best = evaluation(2, CANDIDATE, outcomes(40, 24, List.of(0, 1)), List.of());

        Adoption adoption = Adoption.decide(seed, best, new AdoptionPolicy(0.5, 0.02, 0.05, true));

        assertThat(adoption.adopted()).isTrue();
        assertThat(adoption.reason()).endsWith("; written anyway (rpt.tune.adopt=always)");
    }

    @Test
    void aSignificantGainBelowTheMinimumIsNotAdopted() {
        // 400 cases: 12 gained, 0 lost is significant (p = 1/4096), but a gain of 0.03 is not beyond a minimum of 0.05.
        Evaluation seed = evaluation(1, SEED, outcomes(400, 200, List.of()), List.of());
        Evaluation best = evaluation(2, CANDIDATE, outcomes(400, 212, List.of()), List.of());

        Adoption adoption = Adoption.decide(seed, best, new AdoptionPolicy(0.5, 0.05, 0.05, false));

        assertThat(adoption.adopted()).isFalse();
        assertThat(adoption.reason()).isEqualTo("its gain on the confirmation cases, +0.030, is not beyond 0.050");
        assertThat(adoption.confirmation().orElseThrow().pValue()).isLessThan(0.001);
    }

    @Test
    void aCandidateThatFailsAMustPassCaseIsNeverAdoptedEvenWithAdoptAlways() {
        Evaluation seed = evaluation(1, SEED, outcomes(40, 20, List.of()), List.of());
        Evaluation best = evaluation(2, CANDIDATE, outcomes(40, 38, List.of()), List.of("Math#solves#refund"));

        Adoption adoption = Adoption.decide(seed, best, new AdoptionPolicy(0.5, 0.02, 0.05, true));

        assertThat(adoption.adopted()).isFalse();
        assertThat(adoption.reason()).contains("must-pass case(s) [Math#solves#refund]");
    }

    @Test
    void noConfirmationCaseMeansNoAdoptionAndSaysWhatToChange() {
        Evaluation seed = evaluation(1, SEED, new TreeMap<>(), List.of());
        Evaluation best = evaluation(2, CANDIDATE, new TreeMap<>(), List.of());

        Adoption adoption = Adoption.decide(seed, best, AdoptionPolicy.DEFAULTS);

        assertThat(adoption.adopted()).isFalse();
        assertThat(adoption.reason())
                .contains("no confirmation case was scored on both prompts")
                .contains("rpt.tune.confirm-fraction");
    }

    @Test
    void theSeedAgainstItselfIsNoDecision() {
        Evaluation seed = evaluation(1, SEED, outcomes(40, 20, List.of()), List.of());

        Adoption adoption = Adoption.decide(seed, seed, AdoptionPolicy.DEFAULTS);

        assertThat(adoption.adopted()).isFalse();
        assertThat(adoption.confirmation()).isEmpty();
    }

    /**
     * {@code n} confirmation cases of which the first {@code right} pass, except the ones listed in {@code lost},
     * which fail: so two calls with nested {@code right} counts gain {@code right2 − right1 + |lost|} cases and lose
     * {@code |lost|}.
     */
    private static SortedMap<String, List<CaseOutcome>> outcomes(int n, int right, List<Integer> lost) {
        SortedMap<String, List<CaseOutcome>> cases = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            boolean passed = i < right && !lost.contains(i);
            cases.put(
                    String.format(Locale.ROOT, "c%03d", i),
                    List.of(passed ? CaseOutcome.passed(0.7) : CaseOutcome.failed(0.7)));
        }
        return cases;
    }

    /** An evaluation known only by its confirmation cases' samples and its must-pass failures. */
    static Evaluation evaluation(
            int iteration,
            PromptFile prompt,
            SortedMap<String, List<CaseOutcome>> confirm,
            List<String> mustPassFailures) {
        List<CaseOutcome> all = new ArrayList<>();
        confirm.values().forEach(all::addAll);
        return new Evaluation(
                iteration,
                prompt,
                "{}",
                Metrics.of(List.of()),
                Metrics.of(List.of()),
                List.of(),
                UsageSnapshot.NONE,
                Metrics.of(all),
                confirm,
                mustPassFailures,
                Reliability.NONE,
                Reliability.NONE);
    }
}
