package dev.rpt.tools.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.api.Split;
import dev.rpt.api.Usage;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.thresholds.CheckMode;
import dev.rpt.core.thresholds.MetricBounds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ClassVerdictTests {

    private static final String CLASS = "com.example.MathTests";
    private static final double NAN = Double.NaN;

    @Test
    void aStatisticalClassPassesWithWrongAnswersWhileItsThresholdsHold() {
        List<CaseRecord> cases = cases(8, 2, 0);

        ClassVerdict verdict = judge(MetricBounds.of(0.75, NAN, NAN, NAN), cases);

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.metrics().n()).isEqualTo(10);
        assertThat(ClassVerdict.statistical(info(MetricBounds.of(0.75, NAN, NAN, NAN))))
                .isTrue();
    }

    @Test
    void aMustPassCaseAnsweredWrongFailsAStatisticalClass() {
        List<CaseRecord> cases = cases(8, 1, 0);
        cases.add(record("refuses-harm", Verdict.FAILED, true, 0));

        ClassVerdict verdict = judge(MetricBounds.of(0.5, NAN, NAN, NAN), cases);

        assertThat(verdict.thresholds().passed()).isTrue();
        assertThat(verdict.problems())
                .containsExactly("1 must-pass case answered wrong: solves[refuses-harm] (expected 4). Why: a must-pass"
                        + " case fails the build even in a class judged by its thresholds.");
    }

    @Test
    void aMustPassCaseFailsWhenAnySampleIsWrong() {
        List<CaseRecord> cases = cases(4, 0, 0);
        cases.add(record("golden", Verdict.PASSED, true, 0));
        cases.add(record("golden", Verdict.FAILED, true, 1));

        assertThat(judge(MetricBounds.of(0.5, NAN, NAN, NAN), cases).problems())
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

        assertThat(strictAboutErrors.problems())
                .singleElement()
                .asString()
                .startsWith("1 case errored: solves[errored-0] (no reply). Why: an errored case says nothing about the"
                        + " prompt");
        assertThat(allowsErrors.passed()).isTrue();
        assertThat(allowsTooFew.problems()).isEmpty();
        assertThat(allowsTooFew.violations()).containsExactly("error rate 0.100 (1 of 10 cases errored) > 0.050");
    }

    @Test
    void aClassWithoutThresholdsNeedsEveryCaseToPassAndNamesTheFirstFewOnly() {
        List<CaseRecord> cases = cases(3, 7, 0);

        ClassVerdict verdict = judge(MetricBounds.NONE, cases);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.problems())
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
        assertThat(ClassVerdict.of(info(atLeast80), cases, CheckMode.CONFIDENCE_BOUND, MetricsOptions.DEFAULTS)
                        .passed())
                .isFalse();
    }

    private static ClassVerdict judge(MetricBounds thresholds, List<CaseRecord> cases) {
        List<CaseRecord> withOtherClass = new ArrayList<>(cases);
        withOtherClass.add(new CaseRecord(
                "com.example.OtherTests",
                "solves",
                "elsewhere",
                Split.TUNE,
                Map.of(),
                Verdict.FAILED,
                Optional.of("5"),
                OptionalDouble.empty(),
                false,
                Optional.of(new CaseRecord.Failure("value", "other class")),
                Optional.empty(),
                Usage.ZERO,
                false,
                0));
        return ClassVerdict.of(info(thresholds), withOtherClass, CheckMode.POINT_ESTIMATE, MetricsOptions.DEFAULTS);
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
        return new CaseRecord(
                CLASS,
                "solves",
                id,
                Split.TUNE,
                Map.of(),
                verdict,
                verdict == Verdict.ERRORED ? Optional.empty() : Optional.of("4"),
                OptionalDouble.empty(),
                false,
                verdict == Verdict.FAILED
                        ? Optional.of(new CaseRecord.Failure("value", "expected 4"))
                        : Optional.empty(),
                verdict == Verdict.ERRORED
                        ? Optional.of(new CaseRecord.Failure("ModelTimeoutException", "no reply"))
                        : Optional.empty(),
                Usage.ZERO,
                false,
                0,
                Optional.empty(),
                sample,
                mustPass);
    }
}
