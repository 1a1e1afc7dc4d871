package dev.rpt.tools.diagnose;

import static dev.rpt.tools.diagnose.Fixtures.WRONG;
import static dev.rpt.tools.diagnose.Fixtures.failure;
import static dev.rpt.tools.diagnose.Fixtures.metrics;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.core.thresholds.MetricBounds;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The simulator (rpt-sim) cannot import the tuner or the critic, so it keeps its own copies of the names it
 * recognises them by and of the diagnostic report fields its optimizer reads. These tests pin each copy to the
 * original: renaming a tool, a response format or a report field fails here, not in a confusing end-to-end tune.
 */
class SimProtocolContractTests {

    @Test
    void theSimulatedOptimizerKnowsTheTunersToolsByTheirNames() throws Exception {
        for (String tool : List.of("EVALUATE", "INSPECT", "DECIDE")) {
            assertThat(constant("dev.rpt.sim.OptimizerRole", tool))
                    .as(tool)
                    .isEqualTo(constant("dev.rpt.tools.tune.OptimizerTools", tool));
        }
    }

    @Test
    void theSimulatedCriticKnowsTheCriticsResponseFormats() throws Exception {
        assertThat(constant("dev.rpt.sim.CriticRole", "CRITIQUE_FORMAT"))
                .isEqualTo(constant("dev.rpt.tools.diagnose.Critic", "FORMAT_NAME"));
        assertThat(constant("dev.rpt.sim.CriticRole", "GROUPING_FORMAT"))
                .isEqualTo(constant("dev.rpt.tools.diagnose.LlmGrouping", "FORMAT_NAME"));
    }

    @Test
    void theDiagnosticReportHasEveryFieldTheSimulatedOptimizerReads() throws Exception {
        List<FailedCase> failures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            failures.add(failure("gsm-" + i, "value", WRONG));
        }
        IterationHistory history = IterationHistory.empty()
                .with(IterationRecord.of(
                        1, metrics(10, 6, 0.95), new DeterministicAnalyzer().analyze("t", failures), List.of()));
        MetricBounds goals = new MetricBounds(
                OptionalDouble.of(0.8), OptionalDouble.of(0.1), OptionalDouble.empty(), OptionalDouble.empty());

        JsonNode report = Fixtures.JSON.readTree(
                DiagnosticReportJson.write(DiagnosticReport.of(history, new ConfidenceCounts(4, 0), goals)));

        // The fields dev.rpt.sim.ReportView.of reads, with the types it expects.
        assertThat(report.at("/iteration").isInt()).isTrue();
        assertThat(report.at("/metrics/accuracy").isNumber()).isTrue();
        assertThat(report.at("/metrics/ece").isNumber()).isTrue();
        assertThat(report.at("/calibration/overconfidentWrong").isInt()).isTrue();
        assertThat(report.at("/goals/minAccuracy").isNumber()).isTrue();
        assertThat(report.at("/goals/maxEce").isNumber()).isTrue();
        assertThat(report.at("/goals/met").isBoolean()).isTrue();
        assertThat(report.at("/failureModes").isArray()).isTrue();
        assertThat(report.at("/failureModes/0/label").isTextual()).isTrue();
        assertThat(report.at("/failureModes/0/count").isInt()).isTrue();
        assertThat(report.at("/failureModes/0/prevalence").isNumber()).isTrue();
    }

    /** A package-private constant of another module, read as its owner reads it. */
    private static Object constant(String className, String field) throws ReflectiveOperationException {
        Field constant = Class.forName(className).getDeclaredField(field);
        constant.setAccessible(true);
        return constant.get(null);
    }
}
