package dev.rpt.tools.diagnose;

import static dev.rpt.tools.diagnose.Fixtures.SEVERAL;
import static dev.rpt.tools.diagnose.Fixtures.WRONG;
import static dev.rpt.tools.diagnose.Fixtures.failure;
import static dev.rpt.tools.diagnose.Fixtures.metrics;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.thresholds.MetricBounds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DiagnosticReportJsonTests {

    private static final MetricBounds GOALS = new MetricBounds(
            OptionalDouble.of(0.8), OptionalDouble.of(0.1), OptionalDouble.empty(), OptionalDouble.empty());

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static JsonNode parse(String json) throws Exception {
        return Fixtures.JSON.readTree(json);
    }

    private static IterationHistory twoIterations() {
        List<FailedCase> first = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            first.add(failure("gsm-" + i, "value", WRONG));
        }
        List<FailedCase> second = List.of(
                failure("gsm-1", "value", WRONG),
                failure("gsm-2", "format", SEVERAL),
                failure("gsm-3", "format", SEVERAL),
                failure("gsm-4", "format", SEVERAL));
        DeterministicAnalyzer analyzer = new DeterministicAnalyzer();
        return IterationHistory.empty()
                .with(IterationRecord.of(1, metrics(10, 4, 0.95), analyzer.analyze("t", first), List.of()))
                .with(IterationRecord.of(
                        2, metrics(10, 6, 0.95), analyzer.analyze("t", second), List.of("value: expected the number")));
    }

    @Test
    void theReportHasExactlyTheContractsFields() throws Exception {
        IterationHistory history = twoIterations();
        DiagnosticReport report = DiagnosticReport.of(history, new ConfidenceCounts(4, 0), GOALS);

        JsonNode json = parse(DiagnosticReportJson.write(report));

        assertThat(fieldNames(json))
                .containsExactly(
                        "schemaVersion",
                        "iteration",
                        "metrics",
                        "calibration",
                        "failureModes",
                        "deltas",
                        "best",
                        "nonImprovingStreak",
                        "patchHistory",
                        "goals");
        assertThat(json.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.path("iteration").asInt()).isEqualTo(2);

        JsonNode metrics = json.path("metrics");
        assertThat(fieldNames(metrics))
                .containsExactly(
                        "n",
                        "errored",
                        "accuracy",
                        "accuracyCi",
                        "ece",
                        "brier",
                        "auroc",
                        "formatErrorRate",
                        "avgConfidence");
        assertThat(metrics.path("n").asInt()).isEqualTo(10);
        assertThat(metrics.path("errored").asInt()).isZero();
        assertThat(metrics.path("accuracy").asDouble()).isEqualTo(0.6);
        assertThat(metrics.path("accuracyCi")).hasSize(2);
        assertThat(metrics.path("accuracyCi").get(0).asDouble()).isLessThan(0.6);
        assertThat(metrics.path("ece").asDouble()).isEqualTo(0.35);
        // 6 × 0.0025 + 4 × 0.9025 over 10 cases.
        assertThat(metrics.path("brier").asDouble()).isEqualTo(0.3625);
        assertThat(metrics.path("auroc").asDouble()).isEqualTo(0.5);
        assertThat(metrics.path("formatErrorRate").asDouble()).isZero();
        assertThat(metrics.path("avgConfidence").asDouble()).isEqualTo(0.95);

        JsonNode calibration = json.path("calibration");
        assertThat(fieldNames(calibration)).containsExactly("overconfidentWrong", "underconfidentRight", "bins");
        assertThat(calibration.path("overconfidentWrong").asInt()).isEqualTo(4);
        assertThat(calibration.path("underconfidentRight").asInt()).isZero();
        assertThat(calibration.path("bins")).hasSize(1);
        JsonNode bin = calibration.path("bins").get(0);
        assertThat(fieldNames(bin)).containsExactly("lower", "upper", "count", "meanConfidence", "accuracy");
        assertThat(bin.path("lower").asDouble()).isEqualTo(0.9);
        assertThat(bin.path("upper").asDouble()).isEqualTo(1.0);
        assertThat(bin.path("count").asInt()).isEqualTo(10);
        assertThat(bin.path("meanConfidence").asDouble()).isEqualTo(0.95);
        assertThat(bin.path("accuracy").asDouble()).isEqualTo(0.6);

        JsonNode modes = json.path("failureModes");
        assertThat(modes).hasSize(2);
        assertThat(fieldNames(modes.get(0))).containsExactly("label", "definition", "count", "prevalence", "examples");
        assertThat(modes.get(0).path("label").asText()).isEqualTo("format: answer holds several numbers");
        assertThat(modes.get(0).path("count").asInt()).isEqualTo(3);
        assertThat(modes.get(0).path("prevalence").asDouble()).isEqualTo(0.75);
        assertThat(modes.get(0).path("examples").toString()).isEqualTo("[\"gsm-2\",\"gsm-3\",\"gsm-4\"]");
        assertThat(modes.get(1).path("label").asText()).isEqualTo("value: expected the number");

        JsonNode previous = json.at("/deltas/vsPrevious");
        assertThat(fieldNames(previous)).containsExactly("accuracy", "ece", "brier");
        assertThat(previous.path("accuracy").asDouble()).isEqualTo(0.2);
        assertThat(previous.path("ece").asDouble()).isEqualTo(-0.2);
        assertThat(previous.path("brier").asDouble()).isEqualTo(-0.18);
        assertThat(json.at("/deltas/vsBest/accuracy").asDouble()).isZero();

        JsonNode best = json.path("best");
        assertThat(fieldNames(best)).containsExactly("iteration", "accuracy", "ece", "brier");
        assertThat(best.path("iteration").asInt()).isEqualTo(2);
        assertThat(best.path("accuracy").asDouble()).isEqualTo(0.6);
        assertThat(json.path("nonImprovingStreak").asInt()).isZero();

        JsonNode patch = json.path("patchHistory").get(0);
        assertThat(fieldNames(patch)).containsExactly("iteration", "targets", "shrank");
        assertThat(patch.path("iteration").asInt()).isEqualTo(1);
        assertThat(patch.path("targets").toString()).isEqualTo("[\"value: expected the number\"]");
        assertThat(patch.path("shrank").toString()).isEqualTo("{\"value: expected the number\":true}");

        assertThat(json.path("goals").toString()).isEqualTo("{\"minAccuracy\":0.8,\"maxEce\":0.1,\"met\":false}");
    }

    @Test
    void theFirstIterationHasNullDeltasAndGoalsCanBeMet() throws Exception {
        IterationHistory history = IterationHistory.empty()
                .with(IterationRecord.of(1, metrics(10, 9, 0.9), FailureAnalysis.none(), List.of()));
        DiagnosticReport report = DiagnosticReport.of(history, new ConfidenceCounts(1, 0), GOALS);

        JsonNode json = parse(DiagnosticReportJson.write(report));

        assertThat(json.at("/deltas/vsPrevious").isNull()).isTrue();
        assertThat(json.at("/deltas/vsBest").isNull()).isTrue();
        assertThat(json.path("patchHistory")).isEmpty();
        assertThat(json.path("failureModes")).isEmpty();
        assertThat(json.at("/goals/met").asBoolean()).isTrue();
        assertThat(json.at("/best/iteration").asInt()).isEqualTo(1);
    }

    @Test
    void unmeasurableMetricsAreNull() throws Exception {
        Metrics noConfidence =
                Metrics.of(List.of(CaseOutcome.passedWithoutConfidence(), CaseOutcome.failedWithoutConfidence()));
        IterationHistory history =
                IterationHistory.empty().with(new IterationRecord(1, noConfidence, List.of(), List.of()));

        JsonNode json = parse(DiagnosticReportJson.write(
                DiagnosticReport.of(history, new ConfidenceCounts(0, 0), MetricBounds.NONE)));

        assertThat(json.at("/metrics/ece").isNull()).isTrue();
        assertThat(json.at("/metrics/brier").isNull()).isTrue();
        assertThat(json.at("/metrics/avgConfidence").isNull()).isTrue();
        assertThat(json.at("/calibration/bins")).isEmpty();
        assertThat(json.path("goals").toString()).isEqualTo("{\"met\":true}");
    }

    @Test
    void confidenceCountsUseTheMetricsThresholds() {
        List<FailedCase> failures = List.of(
                withConfidence("a", 0.8), withConfidence("b", 0.79), withConfidence("c", 0.99), failure("d", "v", "m"));
        ConfidenceCounts counts = ConfidenceCounts.of(
                failures,
                List.of(
                        OptionalDouble.of(0.2),
                        OptionalDouble.of(0.21),
                        OptionalDouble.empty(),
                        OptionalDouble.of(0.0)));
        // failure("d") has confidence 0.9.
        assertThat(counts).isEqualTo(new ConfidenceCounts(3, 2));
    }

    private static FailedCase withConfidence(String id, double confidence) {
        FailedCase base = failure(id, "value", WRONG);
        return new FailedCase(
                id, base.vars(), base.answer(), OptionalDouble.of(confidence), base.justification(), "value", WRONG);
    }

    @Test
    void aReportForTenThousandFailuresStaysSmall() {
        List<FailedCase> failures = new ArrayList<>();
        String[] messages = {
            WRONG, SEVERAL, "Expected an answer, but the model answered \"\" with no stated confidence."
        };
        String[] kinds = {"value", "format", "missing"};
        for (int i = 0; i < 10_000; i++) {
            // Every message differs in its numbers, as real ones do.
            String message = messages[i % 3].replace("18", String.valueOf(i));
            failures.add(failure("case-" + i, kinds[i % 3], message));
        }
        FailureAnalysis analysis = new DeterministicAnalyzer().analyze("task", failures);
        IterationHistory history =
                IterationHistory.empty().with(IterationRecord.of(1, metrics(12_000, 2_000, 0.9), analysis, List.of()));

        String json = DiagnosticReportJson.write(DiagnosticReport.of(history, new ConfidenceCounts(10_000, 0), GOALS));

        assertThat(analysis.modes()).hasSize(3);
        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThan(3_000);
    }
}
