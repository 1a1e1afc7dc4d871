package dev.rpt.tools.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.thresholds.CheckMode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JaCoCo-style rules. The standard run has 16 passed and 4 failed cases at confidence 0.9 plus 1 errored case: accuracy
 * 0.8 (Wilson 95% 0.584–0.919), ECE |0.8 − 0.9| = 0.1, Brier (16 × 0.01 + 4 × 0.81) / 20 = 0.17, error rate 1/21.
 */
class RuleCheckerTests {

    private static final RuleChecker POINT = new RuleChecker(CheckMode.POINT_ESTIMATE, MetricsOptions.DEFAULTS);
    private static final RuleChecker BOUND = new RuleChecker(CheckMode.CONFIDENCE_BOUND, MetricsOptions.DEFAULTS);

    @TempDir
    Path dir;

    private RunReport standard() throws IOException {
        return new TestReports(dir)
                .many("q", 0, 16, true, 0.9)
                .many("q", 16, 20, false, 0.9)
                .errored("q20")
                .cost(OptionalDouble.of(1.5))
                .build();
    }

    private static CheckResult check(RuleChecker checker, RunReport run, Rule... rules) {
        return checker.check(run, List.of(rules));
    }

    @Test
    void eachCounterMeetsItsBoundsOrSaysWhyNot() throws IOException {
        RunReport run = standard();
        assertThat(check(
                                POINT,
                                run,
                                Rule.of(
                                        Element.CLASS,
                                        Limit.minimum(Counter.ACCURACY, 0.8),
                                        Limit.minimum(Counter.PASS_ALL, 0.8),
                                        Limit.maximum(Counter.ECE, 0.1),
                                        Limit.maximum(Counter.BRIER, 0.17),
                                        Limit.maximum(Counter.ERROR_RATE, 0.05)),
                                Rule.of(Element.RUN, Limit.maximum(Counter.COST, 1.5)))
                        .passed())
                .isTrue();
        CheckResult failed = check(
                POINT,
                run,
                Rule.of(
                        Element.CLASS,
                        Limit.minimum(Counter.ACCURACY, 0.81),
                        Limit.minimum(Counter.PASS_ALL, 0.81),
                        Limit.maximum(Counter.ECE, 0.09),
                        Limit.maximum(Counter.BRIER, 0.16),
                        Limit.maximum(Counter.ERROR_RATE, 0.04)),
                Rule.of(Element.RUN, Limit.maximum(Counter.COST, 1.0)));
        assertThat(failed.violations())
                .extracting(Violation::counter)
                .containsExactly(
                        Counter.ACCURACY,
                        Counter.PASS_ALL,
                        Counter.ECE,
                        Counter.BRIER,
                        Counter.ERROR_RATE,
                        Counter.COST);
        assertThat(failed.messages())
                .containsExactly(
                        TestReports.CLASS + ": accuracy 0.800 is below the minimum 0.810",
                        TestReports.CLASS + ": pass^N 0.800 is below the minimum 0.810",
                        // The debiased ECE, as @Thresholds(maxEce) reads it: the binned 0.100 less its bias.
                        TestReports.CLASS + ": ECE 0.091 is above the maximum 0.090",
                        TestReports.CLASS + ": Brier 0.170 is above the maximum 0.160",
                        TestReports.CLASS + ": error rate 0.048 is above the maximum 0.040",
                        "run: cost (USD) 1.500 is above the maximum 1.000");
    }

    @Test
    void maximaOnAccuracyAndMinimaOnCalibrationWorkToo() throws IOException {
        CheckResult result = check(
                POINT,
                standard(),
                Rule.of(
                        Element.RUN,
                        Limit.maximum(Counter.ACCURACY, 0.7),
                        Limit.minimum(Counter.BRIER, 0.2),
                        new Limit(Counter.ECE, OptionalDouble.of(0.05), OptionalDouble.of(0.2))));
        assertThat(result.messages())
                .containsExactly(
                        "run: accuracy 0.800 is above the maximum 0.700",
                        "run: Brier 0.170 is below the minimum 0.200");
    }

    @Test
    void confidenceBoundModeComparesTheWilsonInterval() throws IOException {
        RunReport run = standard();
        Rule rule = Rule.of(Element.CLASS, Limit.minimum(Counter.ACCURACY, 0.7));
        assertThat(check(POINT, run, rule).passed()).isTrue();
        assertThat(check(BOUND, run, rule).messages())
                .containsExactly(TestReports.CLASS + ": accuracy 0.800 (95% Wilson interval 0.584–0.919) is below the"
                        + " minimum 0.700: the interval's lower end must reach it");
        assertThat(check(BOUND, run, Rule.of(Element.CLASS, Limit.maximum(Counter.ACCURACY, 0.9)))
                        .messages())
                .singleElement()
                .asString()
                .contains("is above the maximum 0.900: the interval's upper end must stay below it");
        // ECE is compared as measured in both modes.
        Rule ece = Rule.of(Element.CLASS, Limit.maximum(Counter.ECE, 0.1));
        assertThat(check(BOUND, run, ece).passed()).isTrue();
    }

    @Test
    void passAllCountsCasesThatPassedEverySample() throws IOException {
        // a passes 3 of 3, b 2 of 3, c 3 of 3: accuracy 8/9, pass^3 = 2/3.
        TestReports reports = new TestReports(dir);
        for (int sample = 0; sample < 3; sample++) {
            reports.passed("a", 0.9).passed("c", 0.9);
            if (sample == 1) {
                reports.failed("b", 0.9);
            } else {
                reports.passed("b", 0.9);
            }
        }
        RunReport run = reports.build();
        CheckResult result = check(
                POINT,
                run,
                Rule.of(Element.CLASS, Limit.minimum(Counter.ACCURACY, 0.85), Limit.minimum(Counter.PASS_ALL, 0.7)));
        assertThat(result.messages()).containsExactly(TestReports.CLASS + ": pass^N 0.667 is below the minimum 0.700");
        // Per case: "each case passes at least 3 of 3".
        assertThat(check(POINT, run, Rule.of(Element.CASE, Limit.minimum(Counter.ACCURACY, 1.0)))
                        .violations())
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.element()).isEqualTo(Element.CASE);
                    assertThat(v.name()).isEqualTo(TestReports.CLASS + "#solves[b]");
                    assertThat(v.message()).endsWith("accuracy 0.667 is below the minimum 1.000");
                });
    }

    @Test
    void aCaseRuleThatNoNumberOfPassesCanMeetInConfidenceBoundModeSaysHowManySamplesItNeeds() throws IOException {
        // 3 samples a case: even 3 of 3 give a 95% Wilson lower bound of 3 / (3 + 1.96²) = 0.439.
        TestReports reports = new TestReports(dir);
        for (int sample = 0; sample < 3; sample++) {
            reports.passed("a", 0.9);
        }
        RunReport run = reports.build();

        assertThat(check(BOUND, run, Rule.of(Element.CASE, Limit.minimum(Counter.ACCURACY, 0.9)))
                        .messages())
                .containsExactly(TestReports.CLASS + "#solves[a]: accuracy cannot reach the minimum 0.900 in"
                        + " confidence-bound mode with 3 samples: even 3 of 3 passing give a 95% lower bound of 0.439."
                        + " It needs at least 35 samples per case (rpt.repeat=35), or use"
                        + " rpt.check.mode=point-estimate.");
        // 35 of 35: 35 / (35 + 3.8415) = 0.9011, at the minimum.
        assertThat(RuleChecker.unreachable(0.9, Metrics.of(java.util.Collections.nCopies(35, CaseOutcome.passed(0.9)))))
                .isEmpty();
        assertThat(RuleChecker.unreachable(0.9, Metrics.of(java.util.Collections.nCopies(34, CaseOutcome.passed(0.9)))))
                .isPresent();
    }

    @Test
    void overSeveralCasesTheAccuracyIntervalHasTheCaseAsItsUnit() throws IOException {
        // 10 cases of 10 samples, each case all right or all wrong: 100 samples, but 10 independent cases.
        TestReports reports = new TestReports(dir);
        for (int c = 0; c < 10; c++) {
            for (int sample = 0; sample < 10; sample++) {
                if (c < 8) {
                    reports.passed("q" + c, 0.9);
                } else {
                    reports.failed("q" + c, 0.9);
                }
            }
        }
        RunReport run = reports.build();

        assertThat(check(BOUND, run, Rule.of(Element.CLASS, Limit.minimum(Counter.ACCURACY, 0.6)))
                        .messages())
                .singleElement()
                .asString()
                .contains("accuracy 0.800 (95% Wilson interval 0.4")
                .contains("is below the minimum 0.600");
    }

    @Test
    void withOneSamplePerCasePassAllIsAccuracy() throws IOException {
        RunReport run = standard();
        assertThat(check(POINT, run, Rule.of(Element.RUN, Limit.minimum(Counter.PASS_ALL, 0.9)))
                        .messages())
                .containsExactly("run: pass^N 0.800 is below the minimum 0.900");
    }

    @Test
    void undefinedCountersViolateTheirLimits() throws IOException {
        RunReport run = new TestReports(dir)
                .add(TestReports.CLASS, "a", Verdict.PASSED, OptionalDouble.empty())
                .cost(OptionalDouble.empty())
                .build();
        CheckResult result = new RuleChecker(CheckMode.POINT_ESTIMATE, MetricsOptions.DEFAULTS)
                .check(
                        run,
                        List.of(Rule.of(Element.RUN, Limit.maximum(Counter.ECE, 0.1), Limit.maximum(Counter.COST, 1))));
        assertThat(result.messages())
                .containsExactly(
                        "run: ECE cannot be measured (no scored case has a confidence), so its limit ≤ 0.100 cannot"
                                + " hold",
                        "run: cost (USD) cannot be measured (the run's cost is unknown; set rpt.price.<model> for"
                                + " every billed model), so its limit ≤ 1.000 cannot hold");
    }

    @Test
    void theRunCostIsReadFromTheReport() throws IOException {
        TestReports reports = new TestReports(dir).cost(OptionalDouble.of(0.25)).passed("a", 0.9);
        assertThat(reports.build().usage().costUsd()).hasValue(0.25);
        assertThat(new TestReports(dir)
                        .cost(OptionalDouble.empty())
                        .passed("a", 0.9)
                        .build()
                        .usage()
                        .costUsd())
                .isEmpty();
    }

    @Test
    void malformedRulesAreRejected() {
        assertThatThrownBy(() -> Rule.of(Element.CLASS, Limit.maximum(Counter.COST, 1)))
                .hasMessageContaining("COST is measured per run only");
        assertThatThrownBy(() -> Limit.minimum(Counter.ACCURACY, 80))
                .hasMessageContaining("must be a fraction in [0, 1] (0.8, not 80)");
        assertThatThrownBy(() -> new Limit(Counter.ECE, OptionalDouble.empty(), OptionalDouble.empty()))
                .hasMessageContaining("neither a minimum nor a maximum");
        assertThatThrownBy(() -> new Limit(Counter.ECE, OptionalDouble.of(0.2), OptionalDouble.of(0.1)))
                .hasMessageContaining("above maximum");
        assertThatThrownBy(() -> new Rule(Element.RUN, List.of())).hasMessageContaining("at least one limit");
    }
}
