package dev.rpt.core.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.api.Judgement;
import dev.rpt.api.Split;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.RunHeader;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.report.RunReportWriter;
import dev.rpt.core.thresholds.CheckMode;
import dev.rpt.core.thresholds.MetricBounds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class verdict as the engine decides it: through the run report's writer, which feeds {@link ClassVerdict} as
 * the cases are recorded, and read back from the finished report as {@code rpt:check} reads it.
 */
class ClassVerdictTests {

    @TempDir
    Path dir;

    private static final String CLASS = "com.example.MathTests";
    private static final double NAN = Double.NaN;

    @Test
    void aStatisticalClassPassesWithWrongAnswersWhileItsThresholdsHold() {
        List<CaseRecord> cases = cases(8, 2, 0);

        ClassVerdict verdict = judge(MetricBounds.of(0.75, NAN, NAN, NAN), cases);

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.thresholds().measuredLine()).startsWith("accuracy 0.800");
        assertThat(ClassRules.of(MetricBounds.of(0.75, NAN, NAN, NAN)).statistical())
                .isTrue();
    }

    @Test
    void aMustPassCaseAnsweredWrongFailsAStatisticalClass() {
        List<CaseRecord> cases = cases(8, 1, 0);
        cases.add(record("refuses-harm", Verdict.FAILED, true, 0));

        ClassVerdict verdict = judge(MetricBounds.of(0.5, NAN, NAN, NAN), cases);

        assertThat(verdict.thresholds().passed()).isTrue();
        assertThat(verdict.cases())
                .containsExactly("1 must-pass case answered wrong: solves[refuses-harm] (expected 4). Why: a must-pass"
                        + " case fails the build even in a class judged by its thresholds.");
    }

    @Test
    void aMustPassCaseFailsWhenAnySampleIsWrong() {
        List<CaseRecord> cases = cases(4, 0, 0);
        cases.add(record("golden", Verdict.PASSED, true, 0));
        cases.add(record("golden", Verdict.FAILED, true, 1));

        assertThat(judge(MetricBounds.of(0.5, NAN, NAN, NAN), cases).cases())
                .singleElement()
                .asString()
                .startsWith("1 must-pass case answered wrong: solves[golden]");
    }

    @Test
    void erroredCasesFailAStatisticalClassUnlessItAllowsAnErrorRate() {
        List<CaseRecord> cases = cases(9, 0, 1);

        ClassVerdict strictAboutErrors = judge(MetricBounds.of(0.5, NAN, NAN, NAN), cases);
        ClassVerdict allowsErrors = judge(MetricBounds.of(0.5, NAN, NAN, 0.2), cases);
        ClassVerdict allowsTooFew = judge(MetricBounds.of(0.5, NAN, NAN, 0.05), cases);

        assertThat(strictAboutErrors.cases())
                .singleElement()
                .asString()
                .startsWith("1 case errored: solves[errored-0] (no reply). Why: an errored case says nothing about the"
                        + " prompt");
        assertThat(allowsErrors.passed()).isTrue();
        assertThat(allowsTooFew.cases()).isEmpty();
        assertThat(allowsTooFew.violations()).containsExactly("error rate 0.100 (1 of 10 cases errored) > 0.050");
    }

    @Test
    void aClassWithoutThresholdsNeedsEveryCaseToPassAndNamesTheFirstFewOnly() {
        List<CaseRecord> cases = cases(3, 7, 0);

        ClassVerdict verdict = judge(MetricBounds.NONE, cases);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.cases())
                .singleElement()
                .asString()
                .startsWith("7 cases did not pass: solves[failed-0] (expected 4); solves[failed-1]")
                .contains("; and 2 more. Why: a class without @Thresholds needs every case to pass");
        assertThat(judge(MetricBounds.NONE, cases(3, 0, 0)).passed()).isTrue();
    }

    @Test
    void theCheckModeDecidesTheAccuracyBound() {
        List<CaseRecord> cases = cases(17, 3, 0);
        MetricBounds atLeast80 = MetricBounds.of(0.8, NAN, NAN, NAN);

        assertThat(judge(atLeast80, cases).passed()).isTrue();
        assertThat(judge(atLeast80, cases, bound(1)).passed()).isFalse();
    }

    @Test
    void confidenceBoundsShareTheBudgetCountedAtDiscovery() {
        // 96 of 100: one bound at a one-sided 5% clears 0.90 (Wilson lower end 0.914), but not when 0.05 is shared by
        // 20 bounds (one-sided 0.25%, lower end 0.864).
        List<CaseRecord> cases = cases(96, 4, 0);
        MetricBounds atLeast90 = MetricBounds.of(0.9, NAN, NAN, NAN);

        ClassVerdict alone = judge(atLeast90, cases, bound(1));
        ClassVerdict amongTwenty = judge(atLeast90, cases, bound(20));

        assertThat(alone.passed()).isTrue();
        assertThat(amongTwenty.passed()).isFalse();
        assertThat(amongTwenty.thresholdViolations())
                .singleElement()
                .asString()
                .startsWith("accuracy 0.960 has a one-sided 99.75% lower bound (rpt.check.alpha 0.05 shared by 20"
                        + " bounds) of 0.864")
                .endsWith("< 0.900 over 100 cases (confidence-bound mode: the lower bound must reach the minimum)");
        assertThat(bound(20).boundAlpha()).isEqualTo(0.0025);
    }

    @Test
    void theFinishedReportHoldsTheVerdictAndItsSettingsAsDecided() throws IOException {
        List<CaseRecord> cases = cases(8, 1, 1);
        cases.add(record("golden", Verdict.FAILED, true, 0));
        ClassInfo info = info(MetricBounds.of(0.9, NAN, NAN, NAN));
        VerdictSettings settings = bound(3);

        RunReport run;
        ClassVerdict decided;
        try (RunReportWriter writer = writer(settings)) {
            cases.forEach(writer::record);
            decided = writer.classVerdict(info);
            writer.finish(List.of(info), UsageSnapshot.NONE);
        }
        run = RunReport.read(dir.resolve(RunReportWriter.LAST_RUN));

        assertThat(run.verdict(info)).isEqualTo(decided);
        assertThat(decided.thresholds().passed()).isFalse();
        assertThat(decided.cases()).hasSize(2);
        assertThat(run.verdictSettings()).contains(settings);
    }

    @Test
    void aMetRateBoundReadsTheJudgesRateCorrectedByThePeoplesVerdictsAndIsReadBack() throws IOException {
        // 80 unlabelled answers, the judge says met on 60; 20 labelled: judge and person met 12, judge only 4, person
        // only 1, neither 3. The judge's rate is 0.76, corrected 0.60 (MetRateTests): minMetRate 0.7 fails a class
        // the judge alone would pass.
        List<CaseRecord> cases = new ArrayList<>();
        judged(cases, 60, true, null);
        judged(cases, 20, false, null);
        judged(cases, 12, true, "true");
        judged(cases, 4, true, "false");
        judged(cases, 1, false, "true");
        judged(cases, 3, false, "false");
        ClassInfo info = new ClassInfo(
                CLASS,
                "prompts/math.prompt",
                "a".repeat(64),
                MetricBounds.NONE,
                Optional.empty(),
                OptionalDouble.empty(),
                OptionalDouble.of(0.7),
                List.of());

        ClassVerdict decided;
        try (RunReportWriter writer = writer(VerdictSettings.DEFAULTS)) {
            cases.forEach(writer::record);
            decided = writer.classVerdict(info);
            writer.finish(List.of(info), UsageSnapshot.NONE);
        }
        RunReport run = RunReport.read(dir.resolve(RunReportWriter.LAST_RUN));

        assertThat(decided.passed()).isFalse();
        assertThat(decided.thresholdViolations())
                .singleElement()
                .asString()
                .startsWith("met rate of 'polite': corrected 0.600 [0.337, 0.863] (judge 0.760 on 100, 20 human");
        assertThat(run.verdict(info)).isEqualTo(decided);
        assertThat(run.classes())
                .singleElement()
                .extracting(ClassInfo::minMetRate)
                .isEqualTo(OptionalDouble.of(0.7));
    }

    private static void judged(List<CaseRecord> cases, int count, boolean met, String human) {
        for (int i = 0; i < count; i++) {
            String id = (human == null ? "unlabelled-" : "labelled-") + met + "-" + human + "-" + i;
            cases.add(CaseRecord.builder(CLASS, "answers", id)
                    .split(Split.TUNE)
                    .vars(human == null ? Map.of() : Map.of("polite", human))
                    .verdict(met ? Verdict.PASSED : Verdict.FAILED)
                    .answer("answer " + id)
                    .failure(met ? Optional.empty() : Optional.of(new CaseRecord.Failure("criterion", "not polite")))
                    .judgements(List.of(new Judgement("polite", "Is polite", met ? 0.9 : 0.1, 0.5, "because")))
                    .build());
        }
    }

    @Test
    void aReportWithoutVerdictsSaysToRunTheTestsAgain() {
        ClassInfo info = info(MetricBounds.NONE);
        RunReport old =
                new RunReport("old", new ModelInfo("sim", "math", true), List.of(info), List.of(), UsageSnapshot.NONE);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> old.verdict(info))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds no verdict for com.example.MathTests")
                .hasMessageContaining("Run the prompt tests again");
    }

    private static VerdictSettings bound(int bounds) {
        return new VerdictSettings(CheckMode.CONFIDENCE_BOUND, MetricsOptions.DEFAULTS, 0.05, bounds);
    }

    private ClassVerdict judge(MetricBounds thresholds, List<CaseRecord> cases) {
        return judge(thresholds, cases, VerdictSettings.DEFAULTS);
    }

    private ClassVerdict judge(MetricBounds thresholds, List<CaseRecord> cases, VerdictSettings settings) {
        List<CaseRecord> withOtherClass = new ArrayList<>(cases);
        withOtherClass.add(CaseRecord.builder("com.example.OtherTests", "solves", "elsewhere")
                .split(Split.TUNE)
                .verdict(Verdict.FAILED)
                .answer("5")
                .failure(Optional.of(new CaseRecord.Failure("value", "other class")))
                .build());
        try (RunReportWriter writer = writer(settings)) {
            withOtherClass.forEach(writer::record);
            return writer.classVerdict(info(thresholds));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RunReportWriter writer(VerdictSettings settings) throws IOException {
        RunHeader header = new RunHeader(
                "verdict-" + System.nanoTime(),
                Instant.parse("2026-01-02T03:04:05Z"),
                new ModelInfo("sim", "math", true),
                RunHeader.redact(Map.of("rpt.provider", "sim")));
        return RunReportWriter.start(dir, header, settings);
    }

    private static ClassInfo info(MetricBounds thresholds) {
        return new ClassInfo(CLASS, "prompts/math.prompt", "a".repeat(64), thresholds);
    }

    private static List<CaseRecord> cases(int passed, int failed, int errored) {
        List<CaseRecord> cases = new ArrayList<>();
        for (int i = 0; i < passed; i++) {
            cases.add(record("passed-" + i, Verdict.PASSED, false, 0));
        }
        for (int i = 0; i < failed; i++) {
            cases.add(record("failed-" + i, Verdict.FAILED, false, 0));
        }
        for (int i = 0; i < errored; i++) {
            cases.add(record("errored-" + i, Verdict.ERRORED, false, 0));
        }
        return cases;
    }

    private static CaseRecord record(String id, Verdict verdict, boolean mustPass, int sample) {
        return CaseRecord.builder(CLASS, "solves", id)
                .split(Split.TUNE)
                .verdict(verdict)
                .answer(verdict == Verdict.ERRORED ? Optional.empty() : Optional.of("4"))
                .failure(
                        verdict == Verdict.FAILED
                                ? Optional.of(new CaseRecord.Failure("value", "expected 4"))
                                : Optional.empty())
                .error(
                        verdict == Verdict.ERRORED
                                ? Optional.of(new CaseRecord.Failure("ModelTimeoutException", "no reply"))
                                : Optional.empty())
                .sample(sample)
                .mustPass(mustPass)
                .build();
    }
}
