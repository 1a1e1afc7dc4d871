package dev.rpt.tools.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.thresholds.MetricBounds;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate driven as a Gradle task or a CLI would drive it: settings from configuration, a baseline written and read
 * back, a run checked, with no Maven class on the classpath.
 */
class GateTests {

    private static final double NAN = Double.NaN;

    private static final MetricBounds AT_LEAST_HALF = MetricBounds.of(0.5, Double.NaN, Double.NaN, Double.NaN);

    @TempDir
    Path dir;

    private final Gate gate = new Gate(GateSettings.from(RptConfig.of(Map.of())));

    @Test
    void theFacadeNeedsNoBuildTool() {
        assertThatThrownBy(() -> Class.forName("org.apache.maven.plugin.Mojo"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void theGateReadsTheVerdictsTheRunRecordedAndRefusesAReportWithout() throws IOException {
        RunReport run =
                reports().many("q", 0, 3, true, 0.9).many("w", 0, 7, false, 0.9).build();
        RunReport withoutVerdicts = new RunReport(
                run.runId(), run.model(), run.classes(), run.cases(), run.usage(), run.models(), run.judge());

        assertThat(gate.check(run, Optional.empty(), List.of()).violations())
                .containsExactly(run.classes().get(0).displayName() + " @Thresholds: "
                        + run.verdict(run.classes().get(0))
                                .thresholds()
                                .violations()
                                .get(0));
        assertThatThrownBy(() -> gate.check(withoutVerdicts, Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was written by an earlier rpt, which did not record the class verdicts")
                .hasMessageContaining("Run the prompt tests again");
    }

    @Test
    void aRunCheckedAgainstItsOwnBaselinePasses() throws IOException {
        RunReport run = reports()
                .many("q", 0, 30, true, 0.9)
                .many("w", 0, 10, false, 0.6)
                .build();
        Path file = dir.resolve("baseline.json");
        Baseline.from(run).write(file);

        GateResult result = gate.check(run, Optional.of(Baseline.read(file)), List.of());

        assertThat(result.passed()).isTrue();
        assertThat(result.passedMessage()).isEqualTo("rpt:check passed: 1 prompt test classes, 40 case records.");
        assertThat(result.lines()).anySatisfy(line -> assertThat(line).contains("MathTests: accuracy ok"));
    }

    @Test
    void aClearlyWorseRunFailsOnTheRegressionAndNamesTheFixEvenAboveItsThresholds() throws IOException {
        RunReport before = reports().many("q", 0, 40, true, 0.9).build();
        RunReport after = reports()
                .many("q", 0, 28, true, 0.9)
                .many("q", 28, 40, false, 0.9)
                .build();

        GateResult result = gate.check(after, Optional.of(Baseline.from(before)), List.of());

        assertThat(result.passed()).isFalse();
        assertThat(result.violations())
                .anySatisfy(v -> assertThat(v)
                        .contains("MathTests: accuracy REGRESSED: baseline 1.000, current 0.700")
                        .endsWith("Run `mvn rpt:tune`, or accept with `mvn rpt:baseline`."));
        assertThat(result.failureMessage())
                .startsWith("rpt:check found " + result.violations().size() + " problem(s):");

        // The report rpt:check writes opens with that verdict: the finding, and the comparison it rests on.
        String html = dev.rpt.tools.html.HtmlReport.render(
                after,
                Optional.empty(),
                dev.rpt.core.calibration.MetricsOptions.DEFAULTS,
                dev.rpt.core.thresholds.CheckMode.POINT_ESTIMATE,
                Optional.of(result));
        assertThat(html.indexOf("<section id=\"verdict\">"))
                .as("the verdict comes before the classes")
                .isPositive()
                .isLessThan(html.indexOf("<section id=\"classes\">"));
        assertThat(html)
                .contains("The build's verdict: <span class=\"fail\">failed</span>")
                .contains("MathTests: accuracy REGRESSED: baseline 1.000, current 0.700")
                .contains("<td>accuracy</td><td>40</td><td>1.000</td><td>0.700</td><td>-0.300 [")
                .contains("<strong class=\"fail\">regressed</strong>");
        // The cases that flipped, each with the baseline's answer beside this run's.
        assertThat(result.regression().orElseThrow().classes().get(0).flips())
                .hasSize(12)
                .allSatisfy(flip -> {
                    assertThat(flip.worse()).isTrue();
                    assertThat(flip.before())
                            .as("a new baseline records its answers")
                            .contains("42");
                    assertThat(flip.after()).contains("42");
                });
        assertThat(html)
                .contains("MathTests: cases that flipped <span class=\"count\">· 12 right to wrong, 0 wrong to right")
                .contains("<tr class=\"failed\"><td><code>solves[q28]</code></td><td>1.00 → 0.00</td>"
                        + "<td class=\"text\">42</td><td class=\"text\">42</td></tr>");
    }

    @Test
    void aBaselineWrittenBeforeAnswersWereRecordedSaysSoForAFlippedCase() throws IOException {
        RunReport before = reports().many("q", 0, 10, true, 0.9).build();
        RunReport after = reports()
                .many("q", 0, 9, true, 0.9)
                .many("q", 9, 10, false, 0.9)
                .build();
        Baseline recorded = Baseline.from(before);
        Baseline older = new Baseline(
                recorded.runId(),
                recorded.model(),
                recorded.classes().stream()
                        .map(c -> new BaselineClass(
                                c.className(),
                                c.promptPath(),
                                c.promptSha256(),
                                c.metrics(),
                                c.cases().stream()
                                        .map(k -> new BaselineCase(
                                                k.method(),
                                                k.id(),
                                                k.verdict(),
                                                k.confidence(),
                                                k.samples(),
                                                k.passes(),
                                                k.sampleOutcomes(),
                                                k.judged()))
                                        .toList(),
                                c.model()))
                        .toList(),
                recorded.pooledRuns());

        GateResult result = gate.check(after, Optional.of(older), List.of());

        assertThat(result.regression().orElseThrow().classes().get(0).flips())
                .singleElement()
                .satisfies(flip -> assertThat(flip.before()).isEmpty());
        String html = dev.rpt.tools.html.HtmlReport.render(
                after,
                Optional.empty(),
                dev.rpt.core.calibration.MetricsOptions.DEFAULTS,
                dev.rpt.core.thresholds.CheckMode.POINT_ESTIMATE,
                Optional.of(result));
        assertThat(html).contains("<em>not recorded: the baseline predates recorded answers; record it again</em>");
    }

    @Test
    void aJudgeBelowMinKappaFailsTheGateFromTheReportAloneAsTheThresholdsTestDid() throws IOException {
        TestReports reports =
                reports().thresholds(MetricBounds.of(0.1, NAN, NAN, NAN)).minKappa(0.6);
        for (int i = 0; i < 10; i++) {
            reports.judged("p" + i, "Please wait " + i, true, 0.9);
            // The judge calls half of the rude answers polite: kappa 0.5 over the 20.
            reports.judged("r" + i, "Wait " + i, false, i < 5 ? 0.8 : 0.1);
        }
        RunReport run = reports.build();

        assertThat(run.classes().get(0).minKappa())
                .as("read back from the report")
                .hasValue(0.6);
        GateResult result = gate.check(run, Optional.empty(), List.of());

        assertThat(result.passed()).isFalse();
        assertThat(result.violations())
                .singleElement()
                .asString()
                .startsWith("MathTests @Thresholds: judge agreement on 'polite': kappa 0.500 < 0.6 (n 20, agreement"
                        + " 0.750");

        GateResult lenient = gate.check(reports.minKappa(0.4).build(), Optional.empty(), List.of());
        assertThat(lenient.violations()).isEmpty();
    }

    @Test
    void withoutABaselineOnlyTheVerdictsAndRulesAreChecked() throws IOException {
        RunReport run =
                reports().many("q", 0, 3, true, 0.9).many("w", 0, 7, false, 0.9).build();

        GateResult result = gate.check(run, Optional.empty(), List.of());

        assertThat(result.lines())
                .containsExactly("No baseline at src/test/rpt/baseline.json: only thresholds and rules are checked."
                        + " Record one with mvn rpt:baseline and commit it.");
        assertThat(result.violations()).singleElement().asString().startsWith("MathTests @Thresholds: accuracy 0.300");
    }

    @Test
    void theSettingsComeFromTheCheckKeys() {
        GateSettings settings = GateSettings.from(RptConfig.of(Map.of(
                "rpt.check.alpha", "0.01",
                "rpt.check.tolerance.accuracy", "0.05",
                "rpt.check.baseline", "ci/prompts-baseline.json",
                "rpt.metrics.bins", "15")));

        assertThat(settings.regression().alpha()).isEqualTo(0.01);
        assertThat(settings.regression().accuracyTolerance()).isEqualTo(0.05);
        assertThat(settings.baseline()).isEqualTo(Path.of("ci/prompts-baseline.json"));
        assertThat(settings.metrics().bins()).isEqualTo(15);
        assertThatThrownBy(() -> GateSettings.from(RptConfig.of(Map.of("rpt.check.alpha", "0.7"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.check.alpha");
    }

    private TestReports reports() {
        return new TestReports(dir).thresholds(AT_LEAST_HALF);
    }
}
