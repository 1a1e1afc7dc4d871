package dev.rpt.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Kappa's uncertainty, computed by hand with the formulas the Javadoc states (Fleiss, Cohen and Everitt 1969 for the
 * standard error; Wilson's bound on the observed agreement).
 */
class KappaTableTests {

    @Test
    void theStandardErrorIsFleissCohenAndEveritts() {
        // 50 answers: judge and person both "met" 15, judge only 5, person only 10, neither 20. p_o = 0.7, margins
        // judge 0.4/0.6, person 0.5/0.5, p_e = 0.5, kappa 0.4; A = 0.3·(1-0.9·0.6)² + 0.4·(1-1.1·0.6)² = 0.109720,
        // B = 0.36·(0.1·(0.5+0.6)² + 0.2·(0.5+0.4)²) = 0.101880, C = (0.4 - 0.5·0.6)² = 0.01; Var = 0.2016 / (50·0.25).
        KappaTable table = new KappaTable(15, 5, 10, 20);

        assertThat(table.kappa().getAsDouble()).isCloseTo(0.4, within(1e-12));
        assertThat(table.standardError().getAsDouble()).isCloseTo(Math.sqrt(0.2016 / 12.5), within(1e-9));
        assertThat(table.standardError().getAsDouble()).isCloseTo(0.126996, within(1e-6));
    }

    @Test
    void theLowerBoundIsTheLowerOfWaldsAndOneThroughTheObservedAgreement() {
        // Wald at one-sided 5%: 0.4 - 1.644854·0.126996 = 0.191109. Through the agreement: Wilson's one-sided 95% lower
        // bound on 35 of 50 is 0.585400, so (0.585400 - 0.5) / 0.5 = 0.170801, the lower of the two.
        assertThat(new KappaTable(15, 5, 10, 20).lowerBound(0.05).getAsDouble()).isCloseTo(0.170801, within(1e-5));
        // Six answers, all agreed on, three each way: kappa 1 with a standard error of 0, which Wald would take as
        // proof; Wilson's bound on 6 of 6, 6 / (6 + 1.644854²) = 0.689216, gives (0.689216 - 0.5) / 0.5 = 0.378433.
        KappaTable perfect = new KappaTable(3, 0, 0, 3);
        assertThat(perfect.standardError().getAsDouble()).isCloseTo(0.0, within(1e-12));
        assertThat(perfect.lowerBound(0.05).getAsDouble()).isCloseTo(0.378433, within(1e-5));
        assertThat(new KappaTable(6, 0, 0, 0).lowerBound(0.05))
                .as("kappa undefined")
                .isEmpty();
    }

    @Test
    void minKappaInConfidenceBoundModeNeedsTheLowerBound() {
        KappaTable perfect = new KappaTable(3, 0, 0, 3);
        JudgeAgreement agreement = new JudgeAgreement(
                "polite",
                6,
                0,
                dev.rpt.core.calibration.Metrics.of(java.util.List.of()),
                dev.rpt.core.calibration.Metrics.of(java.util.List.of()),
                perfect.kappa(),
                java.util.Optional.of(perfect),
                java.util.Optional.empty());

        assertThat(JudgeAgreement.kappaViolations(java.util.List.of(agreement), 0.6))
                .isEmpty();
        assertThat(JudgeAgreement.kappaViolations(java.util.List.of(agreement), 0.6, java.util.OptionalDouble.of(0.05)))
                .singleElement()
                .asString()
                .startsWith("judge agreement on 'polite': kappa 1.000 has a one-sided 95% lower bound of 0.378 < 0.6"
                        + " (confidence-bound mode; standard error 0.000)");
    }
}
