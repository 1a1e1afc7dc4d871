package dev.rpt.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.junit.engine.CaseResolution.Kind;
import dev.rpt.junit.engine.CaseResolution.Resolved;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleReportTests {

    private static final String CLASS = "com.example.MathTests";

    private final List<String> lines = new ArrayList<>();

    @Test
    void withTheCapAtZeroOnlyTheSummaryCountsTheCases() {
        ConsoleReport console = new ConsoleReport(lines::add, 0);
        console.caseResolved(CLASS, "solves[q1]", wrong(Kind.WRONG_TOLERATED, "Expected 4, but the model answered 5"));
        console.classFinished(CLASS);

        assertThat(lines).isEmpty();
    }

    @Test
    void theSummaryRowGivesTheMetricsAndEveryVerdict() {
        ConsoleReport console = new ConsoleReport(lines::add, 20);
        console.caseResolved(CLASS, "solves[q1]", wrong(Kind.MUST_PASS_WRONG, "Must-pass case 'q1' answered wrong"));
        console.caseResolved(CLASS, "solves[q2]", new Resolved(Kind.PASSED, Optional.empty()));
        Metrics metrics = Metrics.of(List.of(CaseOutcome.passed(0.9), CaseOutcome.failed(0.8)));

        console.summary(List.of(new ConsoleReport.ClassRow(
                CLASS,
                metrics,
                Optional.of(MetricBounds.of(0.5, 0.1, Double.NaN, Double.NaN).check(metrics)),
                false)));

        assertThat(lines.get(0))
                .isEqualTo("[rpt]   WRONG (must pass) MathTests solves[q1]: Must-pass case 'q1' answered wrong");
        assertThat(lines.get(1))
                .startsWith("[rpt] class ")
                .contains("accuracy [95% CI]")
                .endsWith("verdict");
        assertThat(lines.get(2))
                .startsWith("[rpt] MathTests       2       0  0.500 [")
                .endsWith("FAIL: accuracy ≥ 0.500 ok, ECE ≤ 0.100 FAILED; 1 must-pass wrong");
    }

    @Test
    void aLongMessageKeepsItsStartAndTheEndOfTheAnswer() {
        ConsoleReport console = new ConsoleReport(lines::add, 20);
        String answer =
                "Let's think step by step. " + "The meeting was moved twice. ".repeat(30) + "So the answer is (E).";
        console.caseResolved(
                CLASS, "solves[q1]", wrong(Kind.WRONG, "Expected \"(D)\", but the answer was \"" + answer + "\""));

        assertThat(lines.get(0))
                .startsWith("[rpt]   WRONG MathTests solves[q1]: Expected \"(D)\", but the answer was \"Let's think")
                .containsPattern(" … \\([0-9,]+ characters left out\\) … ")
                .endsWith("moved twice. So the answer is (E).\"");
        assertThat(lines.get(0).length()).isLessThan(400);
    }

    private static Resolved wrong(Kind kind, String message) {
        return new Resolved(kind, Optional.of(new AssertionError(message)));
    }
}
