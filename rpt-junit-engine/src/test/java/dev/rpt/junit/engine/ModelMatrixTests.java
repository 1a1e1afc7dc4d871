package dev.rpt.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.junit.engine.fixtures.MathPromptTestCase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.TestAbortedException;

/**
 * One run, several named models ({@code rpt.models.<name>.*}): every case runs on each, tests and the report name
 * the model, thresholds hold per model, and an informational model never fails the build.
 */
class ModelMatrixTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reportDir;

    /** A strong model and an informational weak one: the weak one knows three questions of another dataset. */
    private Map<String, String> matrix() {
        return Map.of(
                "rpt.models.strong.model", "sim-strong",
                "rpt.models.weak.model", "sim-weak",
                "rpt.models.weak.sim.answers", "cases/must-pass-column.jsonl",
                "rpt.models.weak.informational", "true");
    }

    @Test
    void everyCaseRunsOnEveryModelUnderTheModelsName() {
        var captured = StdOut.capture(() -> run(matrix()));
        EngineExecutionResults results = captured.value();

        List<String> names = results.testEvents().started().list().stream()
                .map(event -> event.getTestDescriptor().getLegacyReportingName())
                .toList();
        assertThat(names)
                .as("each of the 25 cases on each model, then a thresholds test per model")
                .hasSize(2 * 25 + 2)
                .contains("solves[strong][gsm-01]", "solves[weak][gsm-01]", "admitsWhatItDoesNotKnow[weak][unknown]")
                .contains("thresholds[strong]", "thresholds[weak]");
        assertThat(names.indexOf("solves[strong][gsm-23]"))
                .as("a model's cases are listed together")
                .isLessThan(names.indexOf("solves[weak][gsm-00]"));
        assertThat(captured.out())
                .contains("[rpt] models: strong (sim/sim-strong", "weak (sim/sim-weak", ", informational")
                .containsPattern("\\[rpt\\] MathPromptTestCase\\[strong\\] +25 .* PASS:")
                .containsPattern("\\[rpt\\] MathPromptTestCase\\[weak\\] +25 .* INFO:")
                .contains("[rpt] model strong (sim/sim-strong", "[rpt] all models: 50 calls");
    }

    @Test
    void anInformationalModelIsMeasuredButNeverFailsTheBuild() {
        EngineExecutionResults results = run(matrix());

        assertThat(results.testEvents().failed().count())
                .as("the weak model misses almost everything, yet nothing fails")
                .isZero();
        Event weakThresholds = results.testEvents().aborted().list().stream()
                .filter(e -> e.getTestDescriptor().getLegacyReportingName().equals("thresholds[weak]"))
                .findFirst()
                .orElseThrow();
        Throwable thrown = weakThresholds
                .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .orElseThrow();
        assertThat(thrown).isInstanceOf(TestAbortedException.class);
        assertThat(thrown.getMessage())
                .startsWith("Informational model 'weak' (measured, never failing the build): MathPromptTestCase[weak]"
                        + " is below its thresholds: accuracy ");
        assertThat(results.testEvents().succeeded().list())
                .as("the strong model's thresholds hold")
                .anyMatch(e -> e.getTestDescriptor().getLegacyReportingName().equals("thresholds[strong]"));
    }

    @Test
    void aNonInformationalModelBelowItsThresholdsFailsOnItsOwnTest() {
        Map<String, String> config = new HashMap<>(matrix());
        config.put("rpt.models.weak.informational", "false");

        EngineExecutionResults results = run(config);

        assertThat(results.testEvents().failed().list())
                .extracting(e -> e.getTestDescriptor().getLegacyReportingName())
                .containsExactly("thresholds[weak]");
    }

    @Test
    void theReportNamesTheModelOfEveryCaseAndMeasuresEachModelApart() throws IOException {
        run(matrix());

        JsonNode report = JSON.readTree(reportDir.resolve("last-run.json").toFile());
        assertThat(report.get("cases")).hasSize(50);
        assertThat(report.get("cases")).extracting(c -> c.get("model").asText()).containsOnly("strong", "weak");
        assertThat(report.get("classes"))
                .extracting(c -> c.get("model").asText())
                .containsExactly("strong", "weak");
        double strong =
                report.get("classes").get(0).get("metrics").get("accuracy").asDouble();
        double weak =
                report.get("classes").get(1).get("metrics").get("accuracy").asDouble();
        assertThat(strong).isGreaterThan(weak + 0.3);
        assertThat(report.get("models"))
                .extracting(m -> m.get("name").asText() + " " + m.get("model").asText() + " "
                        + m.get("informational").asBoolean() + " "
                        + m.get("usage").get("calls").asLong())
                .containsExactly("strong sim-strong false 25", "weak sim-weak true 25");
        assertThat(report.get("usage").get("calls").asLong()).isEqualTo(50);
    }

    @Test
    void rptModelsChoosesAndOrdersTheModelsToRun() throws IOException {
        Map<String, String> config = new HashMap<>(matrix());
        config.put("rpt.models", "weak");

        EngineExecutionResults results = run(config);

        assertThat(results.testEvents().started().list())
                .extracting(e -> e.getTestDescriptor().getLegacyReportingName())
                .allMatch(name -> name.contains("[weak]"));
        JsonNode report = JSON.readTree(reportDir.resolve("last-run.json").toFile());
        assertThat(report.get("models")).hasSize(1);
    }

    @Test
    void aSingleUnnamedModelKeepsItsNamesAndReport() throws IOException {
        EngineExecutionResults results = run(Map.of());

        assertThat(results.testEvents().started().list())
                .extracting(e -> e.getTestDescriptor().getLegacyReportingName())
                .contains("solves[gsm-01]", "thresholds");
        JsonNode report = JSON.readTree(reportDir.resolve("last-run.json").toFile());
        assertThat(report.has("models")).isFalse();
        assertThat(report.get("cases").get(0).has("model")).isFalse();
    }

    @Test
    void aCaseOnOneModelCanBeRunAgainByItsUniqueId() {
        Map<String, String> config = new HashMap<>(base());
        config.putAll(matrix());
        UniqueId caseId = UniqueId.forEngine("rpt")
                .append("class", MathPromptTestCase.class.getName())
                .append("method", "solves(dev.rpt.api.Answer,java.lang.String)")
                .append("model", "weak")
                .append("case", "gsm-01");

        EngineExecutionResults results = EngineTestKit.engine("rpt")
                .configurationParameters(config)
                .selectors(selectUniqueId(caseId))
                .execute();

        assertThat(results.testEvents().started().list())
                .extracting(e -> e.getTestDescriptor().getLegacyReportingName())
                .containsExactly("solves[weak][gsm-01]");
    }

    @Test
    void aModelListNamingAnUndeclaredModelStopsTheRunNamingTheKey() {
        Map<String, String> config = new HashMap<>(matrix());
        config.put("rpt.models", "strong,hosted");

        EngineExecutionResults results = run(config);

        Throwable thrown = results.containerEvents()
                .failed()
                .list()
                .get(0)
                .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .orElseThrow();
        assertThat(thrown.getMessage())
                .isEqualTo("rpt.models=strong,hosted names 'hosted', but no rpt.models.hosted.* key declares it."
                        + " Declared: strong, weak. Declare it (e.g. rpt.models.hosted.model=...) or remove it.");
    }

    private Map<String, String> base() {
        return Map.of(
                "rpt.provider", "sim",
                "rpt.sim.answers", "cases/gsm8k-24.jsonl",
                "rpt.report.dir", reportDir.toString());
    }

    private EngineExecutionResults run(Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(base());
        config.putAll(extra);
        return EngineTestKit.engine("rpt")
                .configurationParameters(config)
                .selectors(selectClass(MathPromptTestCase.class))
                .execute();
    }
}
