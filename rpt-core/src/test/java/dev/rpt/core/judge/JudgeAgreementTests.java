package dev.rpt.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rpt.api.Judgement;
import dev.rpt.core.calibration.MetricsOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Agreement, Cohen's kappa and the judge's calibration against human verdicts, on tables with known answers. */
class JudgeAgreementTests {

    @Test
    void kappaOfATextbookTable() {
        // 50 answers: both say met 20, only the judge 5, only the person 10, neither 15. Observed agreement 0.70,
        // chance 0.5 × 0.6 + 0.5 × 0.4 = 0.50, so kappa = (0.70 − 0.50) / 0.50 = 0.40.
        assertThat(JudgeAgreement.kappa(20, 5, 10, 15).getAsDouble()).isCloseTo(0.40, within(1e-12));
        assertThat(JudgeAgreement.kappa(10, 0, 0, 10).getAsDouble()).isEqualTo(1.0);
        assertThat(JudgeAgreement.kappa(5, 0, 0, 0))
                .as("both always say met: kappa undefined")
                .isEmpty();
        assertThat(JudgeAgreement.kappa(0, 0, 0, 0)).isEmpty();
    }

    @Test
    void theTallyPairsEachVerdictWithThePersonsAndSkipsBlankCells() {
        JudgeAgreement.Tally tally = new JudgeAgreement.Tally();
        tally.add(List.of(verdict("polite", 0.9), verdict("brief", 0.2)), Map.of("polite", "yes", "brief", ""), "a");
        tally.add(List.of(verdict("polite", 0.3), verdict("brief", 0.8)), Map.of("polite", "true", "brief", "1"), "b");
        tally.add(List.of(verdict("polite", 0.1)), Map.of("polite", "unmet"), "c");

        List<JudgeAgreement> results = tally.results(MetricsOptions.DEFAULTS);

        assertThat(results).extracting(JudgeAgreement::criterion).containsExactly("polite", "brief");
        JudgeAgreement polite = results.get(0);
        assertThat(polite.n()).isEqualTo(3);
        assertThat(polite.agreement().accuracy().getAsDouble()).isCloseTo(2.0 / 3, within(1e-12));
        // The judge's probability against the person: (0.9 − 1)² + (0.3 − 1)² + (0.1 − 0)², over 3.
        assertThat(polite.calibration().brier().getAsDouble()).isCloseTo((0.01 + 0.49 + 0.01) / 3, within(1e-12));
        assertThat(results.get(1).n()).isEqualTo(1);
    }

    @Test
    void aVerdictOnAnotherAnswerIsStaleLeftOutAndCounted() {
        JudgeAgreement.Tally tally = new JudgeAgreement.Tally();
        Map<String, String> labelled =
                Map.of("polite", "true", JudgeAgreement.LABELLED_ANSWER, "Sorry for  the wait.\n");
        tally.add(List.of(verdict("polite", 0.9)), labelled, " Sorry for the wait.");
        tally.add(List.of(verdict("polite", 0.1)), labelled, "Your parcel ships today.");
        tally.add(List.of(verdict("polite", 0.2)), Map.of("polite", "false"), "No column, never stale.");

        JudgeAgreement polite = tally.results(MetricsOptions.DEFAULTS).get(0);

        assertThat(polite.n())
                .as("whitespace aside, the first answer is the labelled one")
                .isEqualTo(2);
        assertThat(polite.stale()).isEqualTo(1);
        assertThat(polite.agreement().accuracy().getAsDouble()).isEqualTo(1.0);
        assertThat(JudgeAgreement.humanVerdict(labelled, "polite", "Your parcel ships today."))
                .isEmpty();
        assertThat(JudgeAgreement.humanVerdict(labelled, "polite", "Sorry for the wait."))
                .hasValue(true);
    }

    @Test
    void aCriterionWhoseEveryVerdictIsStaleIsStillListed() {
        JudgeAgreement.Tally tally = new JudgeAgreement.Tally();
        tally.add(
                List.of(verdict("polite", 0.9)),
                Map.of("polite", "true", JudgeAgreement.LABELLED_ANSWER, "old"),
                "new");

        assertThat(tally.results(MetricsOptions.DEFAULTS)).singleElement().satisfies(polite -> {
            assertThat(polite.n()).isZero();
            assertThat(polite.stale()).isEqualTo(1);
            assertThat(polite.kappa()).isEmpty();
            assertThat(polite.agreement().accuracy()).isEmpty();
        });
    }

    @Test
    void humanVerdictsAreReadLeniently() {
        assertThat(JudgeAgreement.humanVerdict(" Met ")).hasValue(true);
        assertThat(JudgeAgreement.humanVerdict("NO")).hasValue(false);
        assertThat(JudgeAgreement.humanVerdict(" ")).isEmpty();
        assertThat(JudgeAgreement.humanVerdict(null)).isEmpty();
        assertThatThrownBy(() -> JudgeAgreement.humanVerdict("maybe"))
                .hasMessageContaining("'maybe' is not a human verdict");
    }

    private static Judgement verdict(String criterion, double probability) {
        return new Judgement(criterion, criterion, probability, 0.5, "because");
    }
}
