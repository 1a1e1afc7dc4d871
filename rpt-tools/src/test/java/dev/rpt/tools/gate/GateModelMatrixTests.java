package dev.rpt.tools.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.api.Split;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.ModelRun;
import dev.rpt.core.report.RunHeader;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.report.RunReportWriter;
import dev.rpt.core.thresholds.MetricBounds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of several named models is gated model by model: the baseline keeps each model's cases apart, a regression
 * names the model, and an informational model's findings are reported without failing the gate.
 */
class GateModelMatrixTests {

    private static final String CLASS = TestReports.CLASS;
    private static final MetricBounds AT_LEAST_HALF = MetricBounds.of(0.5, Double.NaN, Double.NaN, Double.NaN);

    @TempDir
    Path dir;

    private final Gate gate = new Gate(GateSettings.from(RptConfig.of(Map.of())));

    @Test
    void theBaselineKeepsEachModelApartAndReadsBack() throws IOException {
        RunReport run = run(40, 40, false);
        Path file = dir.resolve("baseline.json");

        Baseline.from(run).write(file);
        Baseline read = Baseline.read(file);

        assertThat(read.classes())
                .extracting(BaselineClass::classKey)
                .containsExactly(CLASS + "[local]", CLASS + "[hosted]");
        assertThat(read.classNamed(CLASS + "[hosted]").orElseThrow().cases()).hasSize(40);
        assertThat(Files.readString(file)).contains("\"model\" : \"hosted\"");
        assertThat(gate.check(run, Optional.of(read), List.of()).passed()).isTrue();
    }

    @Test
    void aRegressionOfOneModelFailsTheGateNamingThatModel() throws IOException {
        Baseline baseline = Baseline.from(run(40, 40, false));

        GateResult result = gate.check(run(40, 24, false), Optional.of(baseline), List.of());

        assertThat(result.passed()).isFalse();
        assertThat(result.violations())
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v).startsWith(CLASS + "[hosted]: "))
                .anySatisfy(v -> assertThat(v).contains("MathTests[hosted]: accuracy REGRESSED: baseline 1.000,"));
    }

    @Test
    void anInformationalModelsRegressionAndThresholdsAreReportedButDoNotFail() throws IOException {
        Baseline baseline = Baseline.from(run(40, 40, true));

        GateResult result = gate.check(run(40, 12, true), Optional.of(baseline), List.of());

        assertThat(result.passed()).isTrue();
        assertThat(result.lines())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("informational model, not failing the gate: MathTests[hosted] @Thresholds:"))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("informational model, not failing the gate: ")
                        .contains("MathTests[hosted]: accuracy REGRESSED"));
    }

    /** One class on two models, {@code local} and {@code hosted}, each with 40 cases of which some pass. */
    private RunReport run(int localPassed, int hostedPassed, boolean hostedInformational) throws IOException {
        RunHeader header = new RunHeader(
                "run-" + System.nanoTime(), Instant.EPOCH, new ModelInfo("sim", "a", true), new TreeMap<>());
        Path runDir = Files.createTempDirectory(dir, "run");
        try (RunReportWriter writer = RunReportWriter.start(runDir, header, MetricsOptions.DEFAULTS)) {
            for (int i = 0; i < 40; i++) {
                writer.record(record("q" + i, i < localPassed, "local"));
                writer.record(record("q" + i, i < hostedPassed, "hosted"));
            }
            Path file = writer.finish(
                    List.of(
                            new ClassInfo(CLASS, "prompts/math.prompt", TestReports.SHA, AT_LEAST_HALF, local()),
                            new ClassInfo(
                                    CLASS,
                                    "prompts/math.prompt",
                                    TestReports.SHA,
                                    AT_LEAST_HALF,
                                    Optional.of("hosted"))),
                    UsageSnapshot.NONE,
                    List.of(
                            new ModelRun("local", new ModelInfo("sim", "a", true), false, UsageSnapshot.NONE),
                            new ModelRun(
                                    "hosted",
                                    new ModelInfo("sim", "b", true),
                                    hostedInformational,
                                    UsageSnapshot.NONE)));
            return RunReport.read(file);
        }
    }

    private static Optional<String> local() {
        return Optional.of("local");
    }

    private static CaseRecord record(String id, boolean passed, String model) {
        return CaseRecord.builder(CLASS, "solves", id)
                .split(Split.TUNE)
                .verdict(passed ? Verdict.PASSED : Verdict.FAILED)
                .answer("42")
                .confidence(0.9)
                .failure(passed ? Optional.empty() : Optional.of(new CaseRecord.Failure("equals", "wrong")))
                .build()
                .withModel(model);
    }
}
