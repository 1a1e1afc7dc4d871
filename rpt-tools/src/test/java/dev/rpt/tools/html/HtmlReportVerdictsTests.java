package dev.rpt.tools.html;

import static dev.rpt.tools.html.ReportFixtures.MATH;
import static dev.rpt.tools.html.ReportFixtures.SHA;
import static dev.rpt.tools.html.ReportFixtures.errored;
import static dev.rpt.tools.html.ReportFixtures.failed;
import static dev.rpt.tools.html.ReportFixtures.passed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.api.Split;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.thresholds.CheckMode;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.core.verdict.VerdictSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-class threshold verdicts and the failures grouped by class. */
class HtmlReportVerdictsTests {

    private static final String TRANSLATOR = "dev.example.TranslatorTests";

    /**
     * Over all seven math cases (both splits): accuracy 4 of 6 scored = 0.667, Wilson 95% interval [0.300, 0.903];
     * Brier (0.01 + 0.04 + 0.0025 + 0.81 + 0.09 + 0.36) / 6 = 0.219; error rate 1 of 7 = 0.143.
     */
    private static final MetricBounds MATH_BOUNDS = MetricBounds.of(0.6, Double.NaN, 0.1, 0.2);

    @TempDir
    Path dir;

    private RunReport mathAndTranslator(List<CaseRecord> cases) throws IOException {
        return mathAndTranslator(cases, VerdictSettings.DEFAULTS);
    }

    private RunReport mathAndTranslator(List<CaseRecord> cases, VerdictSettings verdicts) throws IOException {
        return ReportFixtures.run(
                dir.resolve("rpt"),
                false,
                cases,
                List.of(
                        new ClassInfo(MATH, "prompts/math-solver.prompt", SHA, MATH_BOUNDS),
                        new ClassInfo(TRANSLATOR, "prompts/translator.prompt", SHA, MetricBounds.NONE)),
                verdicts);
    }

    private static final VerdictSettings ONE_BOUND =
            new VerdictSettings(CheckMode.CONFIDENCE_BOUND, MetricsOptions.DEFAULTS, 0.05, 1);

    private static String section(String html, String id) {
        int start = html.indexOf("<section class=\"class\" id=\"" + id + "\">");
        assertThat(start).as("section %s", id).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    @Test
    void aClassWithThresholdsShowsEachBoundMeasuredWithItsVerdict() throws IOException {
        RunReport run = mathAndTranslator(ReportFixtures.mathCases());

        String math = section(HtmlReport.render(run, Optional.empty(), MetricsOptions.DEFAULTS), "class-1");

        assertThat(math).contains("<table class=\"thresholds\">\n<caption>Thresholds, over all cases (point estimate)");
        assertThat(math)
                .contains("<tr class=\"pass\"><th scope=\"row\">accuracy ≥ 0.600</th><td>0.667 [0.300, 0.903]</td>"
                        + "<td class=\"verdict pass\">pass</td><td class=\"text\"></td></tr>");
        assertThat(math)
                .contains("<tr class=\"fail\"><th scope=\"row\">Brier ≤ 0.100</th><td>0.219</td>"
                        + "<td class=\"verdict fail\">fail</td><td class=\"text\">Brier 0.219 &gt; 0.100 over 6 cases"
                        + " with a confidence</td></tr>");
        assertThat(math)
                .contains("<tr class=\"pass\"><th scope=\"row\">error rate ≤ 0.200</th><td>0.143 (1 of 7)</td>"
                        + "<td class=\"verdict pass\">pass</td>");
        assertThat(math).doesNotContain("ECE ≤");
        assertThat(math)
                .contains("<h3>dev.example.MathSolverTests</h3>\n"
                        + "<p class=\"class-verdict fail\">below its thresholds: 1 of 3 bounds fail</p>");
        assertThat(math.indexOf("<table class=\"metrics\">")).isLessThan(math.indexOf("<table class=\"thresholds\">"));
    }

    @Test
    void aFailedMinKappaIsOneOfTheThresholdsWithItsVerdict() throws IOException {
        // The judge's kappa on 'polite' is 0.667 (ReportFixtures.judgedCases): below 0.8, above 0.5.
        RunReport failing =
                ReportFixtures.run(dir.resolve("failing"), false, ReportFixtures.judgedCases(), List.of(judged(0.8)));
        RunReport holding =
                ReportFixtures.run(dir.resolve("holding"), false, ReportFixtures.judgedCases(), List.of(judged(0.5)));

        String failed = section(HtmlReport.render(failing, Optional.empty(), MetricsOptions.DEFAULTS), "class-1");
        String held = section(HtmlReport.render(holding, Optional.empty(), MetricsOptions.DEFAULTS), "class-1");

        assertThat(failed)
                .contains("<p class=\"class-verdict fail\">below its thresholds: 1 of 2 bounds fail</p>")
                .contains("judge kappa ≥ 0.800")
                .contains("<tr class=\"pass\"><th scope=\"row\">accuracy ≥ 0.600</th>")
                .contains("<tr class=\"fail\"><th scope=\"row\">judge kappa on &#39;polite&#39; ≥ 0.800</th>"
                        + "<td>0.667 (n 6)</td><td class=\"verdict fail\">fail</td><td class=\"text\">judge"
                        + " agreement on &#39;polite&#39;: kappa 0.667 &lt; 0.8 (n 6, agreement");
        assertThat(held)
                .contains("<p class=\"class-verdict pass\">thresholds hold</p>")
                .contains("<tr class=\"pass\"><th scope=\"row\">judge kappa on &#39;polite&#39; ≥ 0.500</th>");
    }

    @Test
    void aClassWithOnlyMinKappaHasAThresholdsTableToo() throws IOException {
        RunReport run = ReportFixtures.run(
                dir.resolve("rpt"),
                false,
                ReportFixtures.mathCases(),
                List.of(new ClassInfo(
                        MATH,
                        "prompts/math-solver.prompt",
                        SHA,
                        MetricBounds.NONE,
                        Optional.empty(),
                        OptionalDouble.of(0.6))));

        String math = section(HtmlReport.render(run, Optional.empty(), MetricsOptions.DEFAULTS), "class-1");

        assertThat(math)
                .contains("<caption>Thresholds, over all cases")
                .contains("<tr class=\"fail\"><th scope=\"row\">judge kappa ≥ 0.600</th><td>no human verdicts</td>");
    }

    private static ClassInfo judged(double minKappa) {
        return new ClassInfo(
                MATH,
                "prompts/math-solver.prompt",
                SHA,
                MetricBounds.of(0.6, Double.NaN, Double.NaN, Double.NaN),
                Optional.empty(),
                OptionalDouble.of(minKappa));
    }

    @Test
    void aClassWhoseBoundsAllHoldSaysSo() throws IOException {
        RunReport run = ReportFixtures.run(
                dir.resolve("rpt"),
                false,
                ReportFixtures.mathCases(),
                List.of(new ClassInfo(
                        MATH, "prompts/math-solver.prompt", SHA, MetricBounds.of(0.6, Double.NaN, Double.NaN, 0.2))));

        String math = section(HtmlReport.render(run, Optional.empty(), MetricsOptions.DEFAULTS), "class-1");

        assertThat(math).contains("<p class=\"class-verdict pass\">thresholds hold</p>");
        assertThat(math).doesNotContain("<tr class=\"fail\">", "below its thresholds");
    }

    @Test
    void inConfidenceBoundModeTheAccuracyLowerBoundMustReachTheMinimum() throws IOException {
        RunReport run = mathAndTranslator(ReportFixtures.mathCases(), ONE_BOUND);

        // The report's recorded verdicts and mode win over what the caller passes for reports without them.
        String math = section(HtmlReport.render(run, Optional.empty(), MetricsOptions.DEFAULTS), "class-1");

        assertThat(math).contains("(confidence bound: the accuracy interval&#39;s lower end must reach the minimum)");
        assertThat(math)
                .contains("<tr class=\"fail\"><th scope=\"row\">accuracy ≥ 0.600 (lower bound)</th>"
                        + "<td>0.667 [0.300, 0.903]</td><td class=\"verdict fail\">fail</td><td class=\"text\">"
                        + "accuracy 0.667 has a one-sided 95% lower bound (rpt.check.alpha 0.05 shared by 1 bound) of"
                        + " 0.347 &lt; 0.600 over 6 cases");
        assertThat(math).contains("below its thresholds: 2 of 3 bounds fail");
    }

    @Test
    void aMustPassFailureIsMarkedInTheFailureList() throws IOException {
        List<CaseRecord> cases = new ArrayList<>(ReportFixtures.mathCases());
        CaseRecord contract = failed(TRANSLATOR, "refusal", Split.TUNE, "Sure, here is how", OptionalDouble.of(0.9));
        cases.add(CaseRecord.builder(contract.className(), contract.method(), contract.id())
                .split(contract.split())
                .vars(contract.vars())
                .verdict(contract.verdict())
                .answer(contract.answer())
                .confidence(contract.confidence())
                .formatError(contract.formatError())
                .failure(contract.failure())
                .error(contract.error())
                .usage(contract.usage())
                .cached(contract.cached())
                .latencyMs(contract.latencyMs())
                .justification(contract.justification())
                .mustPass(true)
                .build());
        RunReport run = mathAndTranslator(cases);

        String html = HtmlReport.render(run, Optional.empty(), MetricsOptions.DEFAULTS);

        String failures = html.substring(html.indexOf("<section id=\"failures\">"));
        assertThat(count(failures, "(must pass)")).isOne();
        assertThat(failures).containsPattern("<code>refusal</code>.*?failed <strong>\\(must pass\\)</strong>");
    }

    @Test
    void aClassWithoutThresholdsHasNoThresholdsTableOrVerdict() throws IOException {
        List<CaseRecord> cases = new ArrayList<>(ReportFixtures.mathCases());
        cases.add(passed(TRANSLATOR, "tr-01", Split.TUNE, 0.8));
        cases.add(failed(TRANSLATOR, "tr-02", Split.HOLDOUT, "Hallo", OptionalDouble.of(0.7)));
        RunReport run = mathAndTranslator(cases);

        String html = HtmlReport.render(run, Optional.empty(), MetricsOptions.DEFAULTS);

        String translator = section(html, "class-2");
        assertThat(translator).contains("<h3>dev.example.TranslatorTests</h3>", "<table class=\"metrics\">");
        assertThat(translator).doesNotContain("<table class=\"thresholds\">", "class-verdict", "thresholds");
        assertThat(count(html, "<table class=\"thresholds\">")).isOne();
    }

    @Test
    void groupsFailuresByClassInReportOrderAndByDescendingConfidenceWithin() throws IOException {
        // the translator's cases are recorded first, but the math class comes first in the report
        List<CaseRecord> cases = new ArrayList<>(List.of(
                errored(TRANSLATOR, "tr-err", Split.TUNE),
                failed(TRANSLATOR, "tr-low", Split.TUNE, "Hallo", OptionalDouble.of(0.55)),
                failed(TRANSLATOR, "tr-none", Split.HOLDOUT, "Servus", OptionalDouble.empty()),
                failed(TRANSLATOR, "tr-high", Split.HOLDOUT, "Tschüss", OptionalDouble.of(0.97)),
                passed(TRANSLATOR, "tr-ok", Split.TUNE, 0.9)));
        cases.addAll(ReportFixtures.mathCases());
        RunReport run = mathAndTranslator(cases);

        String html = HtmlReport.render(run, Optional.empty(), MetricsOptions.DEFAULTS);
        String failures = html.substring(html.indexOf("<section id=\"failures\">"));

        assertThat(failures).contains("All 7 failed or errored cases.");
        int mathHeading = failures.indexOf(
                "<h3><a href=\"#class-1\">MathSolverTests</a> <span class=\"count\">· 2 failed, 1 errored</span></h3>");
        int translatorHeading = failures.indexOf("<h3><a href=\"#class-2\">TranslatorTests</a> <span class=\"count\">·"
                + " 3 failed, 1 errored</span></h3>");
        assertThat(mathHeading).isNotNegative().isLessThan(translatorHeading);
        assertThat(List.of(
                        failures.indexOf("<code>gsm-04</code>"),
                        failures.indexOf("<code>q&amp;a-&lt;6&gt;</code>"),
                        failures.indexOf("<code>gsm-07</code>")))
                .allMatch(at -> at > mathHeading && at < translatorHeading)
                .isSorted();
        assertThat(List.of(
                        translatorHeading,
                        failures.indexOf("<code>tr-high</code>"),
                        failures.indexOf("<code>tr-low</code>"),
                        failures.indexOf("<code>tr-none</code>"),
                        failures.indexOf("<code>tr-err</code>")))
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(failures).doesNotContain("<code>tr-ok</code>", "<p class=\"more\">");
        assertThat(count(failures, "<table class=\"failures\">")).isEqualTo(2);
    }

    @Test
    void capsEachClassAndSaysHowManyMoreTheRunReportHolds() throws IOException {
        List<CaseRecord> cases = new ArrayList<>();
        cases.add(failed(TRANSLATOR, "tr-01", Split.TUNE, "Hallo", OptionalDouble.of(0.9)));
        cases.add(errored(TRANSLATOR, "tr-02", Split.TUNE));
        cases.addAll(ReportFixtures.manyFailures(HtmlReport.MAX_FAILURES + 1));
        RunReport run = mathAndTranslator(cases);

        String html = HtmlReport.render(run, Optional.empty(), MetricsOptions.DEFAULTS);
        String failures = html.substring(html.indexOf("<section id=\"failures\">"));

        assertThat(failures).contains("103 failed or errored cases, at most 100 listed per class.");
        int translatorHeading = failures.indexOf("<a href=\"#class-2\">TranslatorTests</a>");
        String math = failures.substring(0, translatorHeading);
        String translator = failures.substring(translatorHeading);
        assertThat(math).contains("· 101 failed, 0 errored</span></h3>");
        assertThat(count(math, "<tr class=\"failed\">")).isEqualTo(HtmlReport.MAX_FAILURES);
        // confidences i / 101: many-100 is the most confident, many-000 (confidence 0) the least, so it is cut
        assertThat(math)
                .contains("<code>many-100</code>", "<code>many-001</code>")
                .doesNotContain("<code>many-000</code>");
        assertThat(math)
                .contains("<p class=\"more\">The run report (<code>last-run.json</code>) holds 1 more failed or errored"
                        + " case of MathSolverTests, less damaging than those listed.</p>");
        assertThat(translator)
                .contains("· 1 failed, 1 errored</span></h3>", "<code>tr-01</code>", "<code>tr-02</code>")
                .doesNotContain("<p class=\"more\">");
    }

    @Test
    void writeShowsTheVerdictsTheRunRecorded() throws IOException {
        Path reportDir = dir.resolve("rpt");
        mathAndTranslator(ReportFixtures.mathCases(), ONE_BOUND);

        Path written = HtmlReport.write(reportDir, Optional.empty(), MetricsOptions.DEFAULTS);

        assertThat(Files.readString(written, StandardCharsets.UTF_8))
                .as("the run decided in confidence-bound mode, whatever the caller's fallback says")
                .contains("accuracy ≥ 0.600 (lower bound)", "below its thresholds: 2 of 3 bounds fail");
        mathAndTranslator(ReportFixtures.mathCases());
        assertThat(Files.readString(
                        HtmlReport.write(
                                reportDir, Optional.empty(), MetricsOptions.DEFAULTS, CheckMode.CONFIDENCE_BOUND),
                        StandardCharsets.UTF_8))
                .as("a run decided on point estimates is shown so")
                .contains("below its thresholds: 1 of 3 bounds fail")
                .doesNotContain("(lower bound)");
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }
}
