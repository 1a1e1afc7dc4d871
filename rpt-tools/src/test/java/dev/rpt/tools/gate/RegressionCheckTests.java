package dev.rpt.tools.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.report.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The regression check: a metric fails only when it is beyond its tolerance and significant, on shared cases. */
class RegressionCheckTests {

    private static final RegressionOptions OPTIONS = RegressionOptions.DEFAULTS.withResamples(500);

    @TempDir
    Path dir;

    private TestReports reports() {
        return new TestReports(dir);
    }

    private RegressionReport compare(RunReport baseline, RunReport current) {
        return new RegressionCheck(OPTIONS).compare(Baseline.from(baseline), current);
    }

    @Test
    void anUnchangedRunPasses() throws IOException {
        RunReport run = reports()
                .many("q", 0, 150, true, 0.8)
                .many("q", 150, 200, false, 0.3)
                .build();
        RegressionReport report = compare(run, run);
        assertThat(report.passed()).isTrue();
        assertThat(report.classes()).singleElement().satisfies(c -> {
            assertThat(c.shared()).isEqualTo(200);
            assertThat(c.notes()).isEmpty();
            assertThat(c.metrics())
                    .extracting(MetricComparison::counter)
                    .containsExactly(Counter.ACCURACY, Counter.ECE, Counter.BRIER);
        });
    }

    @Test
    void anUnchangedPromptFarFromItsOneRunBaselineIsNotedWithTheFix() throws IOException {
        RunReport lucky = reports().many("q", 0, 60, true, 0.9).build();
        RunReport now = reports()
                .many("q", 0, 45, true, 0.9)
                .many("q", 45, 60, false, 0.9)
                .build();
        RunReport edited = reports()
                .prompt(TestReports.CLASS, "b".repeat(64))
                .many("q", 0, 45, true, 0.9)
                .many("q", 45, 60, false, 0.9)
                .build();

        RegressionReport oneRun = compare(lucky, now);
        RegressionReport pooled =
                new RegressionCheck(OPTIONS).compare(Baseline.pool(Baseline.from(lucky), Baseline.from(lucky)), now);

        assertThat(oneRun.classes().get(0).notes())
                .singleElement()
                .asString()
                .startsWith("the prompt is the one the baseline ran (same sha256), yet accuracy 1.000 then, 0.750 now"
                        + " (p = ")
                .contains("either the model changed behind its name", "this one-run baseline was a lucky draw")
                .contains("mvn verify rpt:baseline -Drpt.baseline.pool=true");
        assertThat(oneRun.passed())
                .as("the note explains; the regression still fails")
                .isFalse();
        assertThat(pooled.classes().get(0).notes())
                .as("a pooled baseline is not one run's luck")
                .noneMatch(note -> note.startsWith("the prompt is the one the baseline ran"));
        assertThat(compare(lucky, edited).classes().get(0).notes())
                .as("an edited prompt explains the change itself")
                .noneMatch(note -> note.startsWith("the prompt is the one the baseline ran"));
    }

    @Test
    void aDropBeyondTheToleranceThatIsNotSignificantDoesNotFail() throws IOException {
        // 20 cases, one of them now fails: accuracy 1.00 -> 0.95 (5 points, beyond the 2-point tolerance), Brier 0.01
        // -> 0.05; but one discordant case gives McNemar p = 0.5 and the bootstrap misses it in a third of resamples.
        RunReport before = reports().many("q", 0, 20, true, 0.9).build();
        RunReport after =
                reports().failed("q0", 0.9).many("q", 1, 20, true, 0.9).build();
        RegressionReport report = compare(before, after);
        MetricComparison accuracy = metric(report, Counter.ACCURACY);
        assertThat(accuracy.beyondTolerance()).isTrue();
        assertThat(accuracy.pValue()).as("at least McNemar's p of no change").isGreaterThanOrEqualTo(0.5);
        assertThat(accuracy.significant()).isFalse();
        assertThat(metric(report, Counter.BRIER).beyondTolerance()).isTrue();
        assertThat(metric(report, Counter.BRIER).significant()).isFalse();
        assertThat(report.passed()).isTrue();
        assertThat(accuracy.message()).contains("worse than the tolerance, but not beyond it at the build's level");
    }

    @Test
    void aSignificantDropWithinTheToleranceDoesNotFail() throws IOException {
        // 2,000 cases, 30 now fail: accuracy -1.5 points (inside the 2-point tolerance) with McNemar b = 30, c = 0,
        // p far below 0.05 against "no change"; Brier rises 0.0001 -> 0.0148, inside its 0.02 tolerance. The null is
        // "worse by at most the tolerance", which these data do not reject.
        RunReport before = reports().many("q", 0, 2000, true, 0.99).build();
        RunReport after = reports()
                .many("q", 0, 30, false, 0.99)
                .many("q", 30, 2000, true, 0.99)
                .build();
        RegressionReport report = new RegressionCheck(RegressionOptions.DEFAULTS.withResamples(200))
                .compare(Baseline.from(before), after);
        MetricComparison accuracy = metric(report, Counter.ACCURACY);
        assertThat(McNemar.oneSidedP(30, 0)).as("against no change").isLessThan(1e-6);
        assertThat(accuracy.pValue()).as("against worse by at most 0.02").isGreaterThan(0.5);
        assertThat(accuracy.significant()).isFalse();
        assertThat(accuracy.beyondTolerance()).isFalse();
        assertThat(metric(report, Counter.BRIER).significant()).isFalse();
        assertThat(metric(report, Counter.BRIER).beyondTolerance()).isFalse();
        assertThat(report.passed()).isTrue();
        assertThat(accuracy.message()).contains("accuracy ok, within the tolerance");
    }

    @Test
    void aDropBeyondTheToleranceAndSignificantFailsWithAFullMessage() throws IOException {
        RunReport before = reports().many("q", 0, 200, true, 0.9).build();
        RunReport after = reports()
                .many("q", 0, 40, false, 0.9)
                .many("q", 40, 200, true, 0.9)
                .build();
        RegressionReport report = compare(before, after);
        assertThat(report.passed()).isFalse();
        MetricComparison accuracy = metric(report, Counter.ACCURACY);
        assertThat(accuracy.regressed()).isTrue();
        assertThat(accuracy.baseline()).isEqualTo(1.0);
        assertThat(accuracy.current()).isEqualTo(0.8);
        assertThat(accuracy.upper()).isLessThan(0);
        assertThat(report.failures())
                .first()
                .asString()
                .contains(TestReports.CLASS)
                .contains("accuracy REGRESSED")
                .contains("baseline 1.000, current 0.800")
                .contains("(change -0.200, ")
                .contains("% interval [")
                .contains("on 200 shared cases")
                .contains("McNemar chi-square with continuity correction (40 worse, 0 better); Tango's score test,"
                        + " one-sided p < 0.0001 that it is worse by more than the tolerance 0.020; Holm-adjusted p <"
                        + " 0.0001 over the build's 3 tests (family-wise alpha 0.050)")
                .endsWith("Run `mvn rpt:tune`, or accept with `mvn rpt:baseline`.");
        // Brier 0.01 -> 0.17 regressed too; ECE went 0.1 -> 0.1 and did not.
        assertThat(report.regressions())
                .extracting(MetricComparison::counter)
                .containsExactly(Counter.ACCURACY, Counter.BRIER);
    }

    @Test
    void repeatedCasesAreComparedOnTheirPassRates() throws IOException {
        // 100 cases of 3 samples. Baseline: every case passes 3 of 3; now 60 of them pass 2 of 3. Folded to pass^3 this
        // would look like a 60-point drop; on pass rates it is the 20 points it is (1.000 -> 0.800).
        TestReports before = reports();
        TestReports after = reports();
        for (int i = 0; i < 100; i++) {
            for (int sample = 0; sample < 3; sample++) {
                before.passed("q" + i, 0.9);
                if (i < 60 && sample == 0) {
                    after.failed("q" + i, 0.9);
                } else {
                    after.passed("q" + i, 0.9);
                }
            }
        }
        RegressionReport report = compare(before.build(), after.build());
        MetricComparison accuracy = metric(report, Counter.ACCURACY);
        assertThat(accuracy.baseline()).isEqualTo(1.0);
        assertThat(accuracy.current()).isCloseTo(0.8, within(1e-12));
        assertThat(accuracy.test())
                .isEqualTo("paired sign-flip test on pass rates, 500 resamples (60 cases lower, 0 higher); paired"
                        + " t-test on per-case pass rates");
        assertThat(accuracy.pValue()).isEqualTo(1.0 / 501);
        assertThat(accuracy.regressed()).isTrue();
        // ECE and Brier are measured on all 300 samples a side: Brier 0.01 -> (240 × 0.01 + 60 × 0.81) / 300 = 0.17.
        assertThat(metric(report, Counter.BRIER).current()).isCloseTo(0.17, within(1e-9));
    }

    @Test
    void repeatedCasesThatStayTheSameDoNotFail() throws IOException {
        TestReports before = reports();
        for (int i = 0; i < 100; i++) {
            before.passed("q" + i, 0.7).passed("q" + i, 0.7).failed("q" + i, 0.7);
        }
        RunReport run = before.build();
        RegressionReport report = compare(run, run);
        assertThat(report.passed()).isTrue();
        assertThat(metric(report, Counter.ACCURACY).pValue()).isEqualTo(1.0);
        assertThat(metric(report, Counter.ACCURACY).current()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void aBaselineWithOtherRepeatsIsComparedAndSaidSo() throws IOException {
        RunReport once = reports().many("q", 0, 30, true, 0.9).build();
        TestReports thrice = reports();
        for (int i = 0; i < 30; i++) {
            thrice.passed("q" + i, 0.9).passed("q" + i, 0.9).passed("q" + i, 0.9);
        }
        RegressionReport report = compare(once, thrice.build());
        assertThat(report.passed()).isTrue();
        assertThat(report.classes().get(0).notes())
                .containsExactly("30 shared cases have a different number of scored samples in the baseline and the"
                        + " run; they are still compared on pass rates, but take the baseline with the run's"
                        + " rpt.repeat for exact tests.");
        assertThat(metric(report, Counter.ACCURACY).test()).startsWith("paired sign-flip test on pass rates");
    }

    @Test
    void everyTestOfTheBuildSharesOneErrorBudget() throws IOException {
        // One class whose 200 cases show 14 worse and 2 better: alone, its accuracy test rejects at 0.05 (three tests
        // in the family). Beside nine unchanged classes it is one of 30 tests, and Holm's step-down keeps it.
        RunReport alone = build(1, 14, 2, false);
        RunReport alongNine = build(10, 14, 2, false);
        RunReport baseline = build(10, 0, 0, true);

        MetricComparison single = metric(compare(build(1, 0, 0, true), alone), Counter.ACCURACY);
        MetricComparison inBuild = compare(baseline, alongNine).classes().stream()
                .filter(c -> c.className().equals("com.example.C0"))
                .findFirst()
                .map(c -> metric(c, Counter.ACCURACY))
                .orElseThrow();

        assertThat(single.family()).isEqualTo(3);
        assertThat(single.regressed()).isTrue();
        assertThat(inBuild.pValue()).isEqualTo(single.pValue());
        assertThat(inBuild.family()).isEqualTo(30);
        assertThat(inBuild.adjustedP()).isGreaterThan(0.05);
        assertThat(inBuild.regressed()).isFalse();
        assertThat(inBuild.alpha())
                .as("the interval's level, split over the family")
                .isEqualTo(0.05 / 30);
    }

    /**
     * {@code classes} classes of 200 cases each at confidence 0.8; in the first, {@code worse} cases fail that passed
     * in the baseline's pattern and {@code better} pass that failed. The baseline pattern: cases 0-99 pass, 100-199
     * fail.
     */
    private RunReport build(int classes, int worse, int better, boolean baselinePattern) throws IOException {
        TestReports reports = reports();
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < 200; i++) {
                boolean passed = i < 100;
                if (c == 0 && !baselinePattern) {
                    if (i < worse) {
                        passed = false;
                    } else if (i >= 100 && i < 100 + better) {
                        passed = true;
                    }
                }
                reports.add(
                        "com.example.C" + c,
                        "q" + i,
                        passed ? Verdict.PASSED : Verdict.FAILED,
                        java.util.OptionalDouble.of(0.5));
            }
        }
        return reports.build();
    }

    @Test
    void alphaIsSplitOverTheThreeTestsOfAClass() throws IOException {
        RunReport run = reports().many("q", 0, 10, true, 0.9).build();
        MetricComparison accuracy = metric(compare(run, run), Counter.ACCURACY);
        assertThat(accuracy.alpha()).isEqualTo(0.05 / 3);
    }

    @Test
    void aRunMissingCasesOfItsBaselineFailsNamingThemAndNewCasesAreCounted() throws IOException {
        RunReport before = reports().many("q", 0, 10, true, 0.9).build();
        RunReport after = reports().many("q", 3, 15, true, 0.9).build();
        RegressionReport report = compare(before, after);
        ClassComparison comparison = report.classes().get(0);

        assertThat(comparison.shared()).isEqualTo(7);
        assertThat(comparison.onlyInRun()).isEqualTo(5);
        assertThat(comparison.onlyInBaseline()).isEqualTo(3);
        assertThat(comparison.missing()).containsExactly("solves[q0]", "solves[q1]", "solves[q2]");
        assertThat(comparison.added()).hasSize(5);
        assertThat(comparison.notes())
                .contains(
                        "5 new cases that the baseline does not hold (solves[q10], solves[q11], solves[q12],"
                                + " solves[q13], solves[q14]), not compared; `mvn rpt:baseline` adds them.",
                        "3 of the baseline's cases did not run; compared on the 7 shared cases, and the class fails"
                                + " the gate.");
        assertThat(comparison.metrics()).allSatisfy(m -> assertThat(m.cases()).isEqualTo(7));
        assertThat(comparison.regressions()).as("the metrics alone are fine").isEmpty();
        assertThat(report.passed()).isFalse();
        assertThat(report.failures())
                .singleElement()
                .asString()
                .startsWith(TestReports.CLASS + ": 3 of the baseline's 10 cases did not run (solves[q0], solves[q1],"
                        + " solves[q2]), so the run cannot be compared like with like")
                .contains("record a new baseline with `mvn rpt:baseline`");
    }

    @Test
    void onlyNewCasesAreANoteNotAFailure() throws IOException {
        RunReport before = reports().many("q", 0, 10, true, 0.9).build();
        RunReport after = reports().many("q", 0, 12, true, 0.9).build();
        RegressionReport report = compare(before, after);

        assertThat(report.classes().get(0).missingCases()).isEmpty();
        assertThat(report.passed()).isTrue();
    }

    @Test
    void manyMissingCasesAreNamedFiveAndCounted() {
        assertThat(ClassComparison.named(List.of("a", "b", "c", "d", "e", "f", "g")))
                .isEqualTo("a, b, c, d, e and 2 more");
    }

    @Test
    void aChangedPromptIsReportedAndStillCompared() throws IOException {
        RunReport before = reports().many("q", 0, 10, true, 0.9).build();
        RunReport after = reports()
                .prompt(TestReports.CLASS, "b".repeat(64))
                .many("q", 0, 10, true, 0.9)
                .build();
        RegressionReport report = compare(before, after);
        ClassComparison comparison = report.classes().get(0);
        assertThat(comparison.promptChanged()).isTrue();
        assertThat(comparison.notes())
                .singleElement()
                .asString()
                .contains("the prompt prompts/math.prompt changed since the baseline (sha256 aaaaaaaaaaaa… then,"
                        + " bbbbbbbbbbbb… now)");
        assertThat(comparison.metrics()).hasSize(3);
        assertThat(report.lines()).anyMatch(line -> line.startsWith(TestReports.CLASS + ": the prompt"));
    }

    @Test
    void aBaselineOfAnotherPromptIsOneClearError() throws IOException {
        RunReport before = reports().many("q", 0, 10, true, 0.9).build();
        RunReport after = reports()
                .promptPath("prompts/other.prompt")
                .many("q", 0, 10, true, 0.9)
                .build();

        assertThatThrownBy(() -> compare(before, after))
                .isInstanceOf(BaselineException.class)
                .hasMessageContaining("recorded for the prompt prompts/math.prompt")
                .hasMessageContaining("now tests prompts/other.prompt")
                .hasMessageContaining("mvn rpt:baseline");
    }

    @Test
    void erroredCasesAreLeftOut() throws IOException {
        RunReport before = reports().many("q", 0, 10, true, 0.9).build();
        RunReport after = reports()
                .errored("q0")
                .errored("q1")
                .many("q", 2, 10, true, 0.9)
                .build();
        ClassComparison comparison = compare(before, after).classes().get(0);
        assertThat(comparison.shared()).isEqualTo(8);
        assertThat(comparison.erroredInEither()).isEqualTo(2);
        assertThat(comparison.notes())
                .contains("2 cases errored in the run or the baseline and are left out of the" + " comparison.");
    }

    @Test
    void classesOnOneSideOnlyAreNoted() throws IOException {
        RunReport before = reports().many("q", 0, 5, true, 0.9).build();
        RunReport after = reports()
                .add("com.example.NewTests", "x", Verdict.PASSED, OptionalDouble.of(0.9))
                .build();
        RegressionReport report = compare(before, after);
        assertThat(report.classes()).isEmpty();
        assertThat(report.notes())
                .containsExactly(
                        "com.example.NewTests is not in the baseline, so it is not compared; add it with `mvn"
                                + " rpt:baseline`.",
                        TestReports.CLASS + " is in the baseline but did not run (a -Dtest or rpt.run.prompt"
                                + " subset?), so it is not compared.");
        assertThat(report.passed()).isTrue();
    }

    @Test
    void casesWithoutAConfidenceAreLeftOutOfCalibrationOnly() throws IOException {
        RunReport before = reports().many("q", 0, 10, true, 0.9).build();
        RunReport after = reports()
                .add(TestReports.CLASS, "q0", Verdict.PASSED, OptionalDouble.empty())
                .many("q", 1, 10, true, 0.9)
                .build();
        ClassComparison comparison = compare(before, after).classes().get(0);
        assertThat(metric(comparison, Counter.ACCURACY).cases()).isEqualTo(10);
        assertThat(metric(comparison, Counter.ECE).cases()).isEqualTo(9);
        assertThat(comparison.notes())
                .contains("1 shared cases lack a confidence (1 in this run only); ECE and Brier rest on the other 9.");
    }

    @Test
    void theNoteOnMissingConfidencesSaysWhichSideLacksThem() throws IOException {
        RunReport before = reports()
                .add(TestReports.CLASS, "q0", Verdict.PASSED, OptionalDouble.empty())
                .add(TestReports.CLASS, "q1", Verdict.PASSED, OptionalDouble.empty())
                .many("q", 2, 10, true, 0.9)
                .build();
        RunReport after = reports().many("q", 0, 10, true, 0.9).build();

        assertThat(compare(before, after).classes().get(0).notes())
                .contains("2 shared cases lack a confidence (2 in the baseline only); ECE and Brier rest on the other"
                        + " 8. Record the baseline again with mvn rpt:baseline to compare calibration on every case.");
    }

    /** 30 answers a person labelled: 15 polite, 15 not; {@code misjudged} of the impolite ones the judge calls polite. */
    private RunReport labelled(String answerPrefix, int misjudged) throws IOException {
        TestReports reports = reports();
        for (int i = 0; i < 15; i++) {
            reports.judged("p" + i, answerPrefix + " polite " + i, true, 0.9);
            reports.judged("r" + i, answerPrefix + " rude " + i, false, i < misjudged ? 0.8 : 0.1);
        }
        return reports.build();
    }

    @Test
    void anUnchangedJudgeIsComparedPerCriterionAndPasses() throws IOException {
        RunReport run = labelled("reply", 2);
        ClassComparison compared = compare(run, run).classes().get(0);
        MetricComparison judge = judgeMetric(compared);
        assertThat(judge.label()).isEqualTo("judge agreement on 'polite'");
        assertThat(judge.cases()).isEqualTo(30);
        assertThat(judge.baseline()).isEqualTo(28.0 / 30, within(1e-12));
        assertThat(judge.regressed()).isFalse();
        // The judge's test joins the class's accuracy (its cases state no confidence): the intervals split over two.
        assertThat(judge.alpha()).isEqualTo(0.05 / 2);
        assertThat(metric(compared, Counter.ACCURACY).alpha()).isEqualTo(0.05 / 2);
        assertThat(judge.family()).isEqualTo(2);
        assertThat(compared.notes())
                .contains("judge on 'polite': Cohen's kappa 0.867 in the baseline, 0.867 now, on the 30"
                        + " labelled answers it graded both times (change +0.000, 95% paired-bootstrap interval +0.000"
                        + " to +0.000).");
    }

    @Test
    void aJudgeThatDriftsOnTheSameAnswersRegressesNamingTheCriterionAndTheFix() throws IOException {
        // Same answers, a new judge: it now calls 12 of the 15 rude answers polite. 12 worse, 0 better.
        RunReport before = labelled("reply", 0);
        RunReport after = labelled("reply", 12);
        RegressionReport report = compare(before, after);
        MetricComparison judge = judgeMetric(report.classes().get(0));
        assertThat(judge.baseline()).isEqualTo(1.0);
        assertThat(judge.current()).isEqualTo(0.6, within(1e-12));
        // The larger of McNemar's exact p against no change and Tango's against "worse by at most 0.02".
        assertThat(judge.pValue()).isEqualTo(ShiftedNull.tango(12, 0, 30, 0.02)).isGreaterThan(Math.pow(0.5, 12));
        assertThat(judge.regressed()).isTrue();
        assertThat(report.failures())
                .singleElement()
                .asString()
                .startsWith(
                        TestReports.CLASS + ": judge agreement on 'polite' REGRESSED: baseline 1.000, current 0.600")
                .contains("McNemar exact binomial (12 worse, 0 better)")
                .endsWith("check what changed in rpt.judge.model and rpt.judge.prompt, or accept with `mvn"
                        + " rpt:baseline`.");
        assertThat(report.classes().get(0).notes())
                // Kappa's change with its paired-bootstrap interval (2,000 resamples at alpha 0.025 each end).
                // Reference:
                // the same bootstrap in numpy (4,000 resamples, another generator) gives [-1.000, -0.556].
                .contains("judge on 'polite': Cohen's kappa 1.000 in the baseline, 0.200 now, on the 30"
                        + " labelled answers it graded both times (change -0.800, 95% paired-bootstrap interval -1.000"
                        + " to -0.538).");
    }

    @Test
    void labelledCasesWhoseAnswerChangedAreLeftOutOfTheJudgeComparison() throws IOException {
        // A new prompt gave new answers: the person's verdicts graded the old ones, so they say nothing of the judge.
        RunReport before = labelled("reply", 0);
        RunReport after = labelled("new reply", 12);
        ClassComparison compared = compare(before, after).classes().get(0);
        assertThat(compared.metrics()).noneMatch(m -> m.criterion().isPresent());
        assertThat(compared.notes())
                .contains("judge on 'polite': no labelled answer is the same as in the baseline, so the judge is not"
                        + " compared; 30 labelled cases are left out because the answer changed since the baseline"
                        + " (its verdict grades another answer).");
        assertThat(metric(compared, Counter.ACCURACY).alpha()).isEqualTo(0.05);
    }

    @Test
    void aBaselineWithoutJudgementsLeavesTheJudgeUncompared() throws IOException {
        RunReport unjudged = reports().many("p", 0, 15, true, 0.9).build();
        ClassComparison compared =
                compare(unjudged, labelled("reply", 12)).classes().get(0);
        assertThat(compared.metrics()).noneMatch(m -> m.criterion().isPresent());
    }

    private static MetricComparison judgeMetric(ClassComparison comparison) {
        return comparison.metrics().stream()
                .filter(m -> m.criterion().isPresent())
                .findFirst()
                .orElseThrow();
    }

    private static MetricComparison metric(RegressionReport report, Counter counter) {
        return metric(report.classes().get(0), counter);
    }

    private static MetricComparison metric(ClassComparison comparison, Counter counter) {
        return comparison.metrics().stream()
                .filter(m -> m.counter() == counter)
                .findFirst()
                .orElseThrow();
    }
}
