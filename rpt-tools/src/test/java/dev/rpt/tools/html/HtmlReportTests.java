package dev.rpt.tools.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.api.Split;
import dev.rpt.api.Step;
import dev.rpt.api.ToolCall;
import dev.rpt.api.ToolResult;
import dev.rpt.api.Usage;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.ModelRun;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.report.ToolUse;
import dev.rpt.tools.record.TuneRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTests {

    @TempDir
    Path dir;

    private String render(boolean simulated, boolean withTune) throws IOException {
        RunReport run = ReportFixtures.run(dir.resolve("rpt"), simulated, ReportFixtures.mathCases());
        Optional<TuneRecord> tune = withTune
                ? Optional.of(TuneRecord.read(ReportFixtures.tune(dir.resolve("rpt/tune/t1"))))
                : Optional.empty();
        return HtmlReport.render(run, tune, MetricsOptions.DEFAULTS);
    }

    @Test
    void hasTheSectionsOfARunAndEachClass() throws IOException {
        String html = render(false, false);

        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(html).contains("<section id=\"classes\">", "<section id=\"failures\">");
        assertThat(html).contains("<h3>dev.example.MathSolverTests</h3>", "prompts/math-solver.prompt");
        assertThat(html).contains("thresholds accuracy ≥ 80.0%, ECE ≤ 0.100");
        assertThat(html).contains("openai/gpt-4.1-mini").doesNotContain("SIMULATED");
        assertThat(html).doesNotContain("<section id=\"tune\">");
    }

    @Test
    void statesMetricsPerSplitWithIntervalsFormatted() throws IOException {
        String html = render(false, false);

        // tune split: 3 of 4 passed, Brier (0.01 + 0.04 + 0.0025 + 0.81) / 4 = 0.216; all: 4 of 6 scored, 1 errored
        assertThat(html)
                .contains("<th scope=\"row\">tune split</th><td>4</td><td>0</td><td>75.0%</td><td>[")
                .contains("<th scope=\"row\">held-out split</th><td>2</td><td>1</td><td>50.0%</td>")
                .contains("<th scope=\"row\">all</th><td>6</td><td>1</td><td>66.7%</td>")
                .contains("<th>95% interval</th>");
        Matcher tuneRow = Pattern.compile(
                        "tune split</th><td>4</td><td>0</td><td>75\\.0%</td><td>\\[(\\d+\\.\\d)%, (\\d+\\.\\d)%\\]</td>"
                                + "<td>[0-9.]+</td><td>0\\.216</td>")
                .matcher(html);
        assertThat(tuneRow.find())
                .as("the tune row with its interval and Brier score")
                .isTrue();
        assertThat(Double.parseDouble(tuneRow.group(1))).isLessThan(75.0);
        assertThat(Double.parseDouble(tuneRow.group(2))).isGreaterThan(75.0);
    }

    @Test
    void aToolCallingClassShowsItsToolUseAndEachFailedCasesTrajectoryStepByStep() throws IOException {
        ToolCall lookup = new ToolCall("c1", "lookup_order", "{\"order_id\":\"B9\"}");
        ToolUse wrongOrder = new ToolUse(
                List.of(
                        new Step(
                                "",
                                List.of(lookup),
                                List.of(new ToolResult("c1", "lookup_order", "<no such order>", true))),
                        new Step("Sorry, I could not find it.", List.of(), List.of())),
                Optional.of(true),
                Optional.of(false));
        ToolUse right = new ToolUse(
                List.of(new Step("You're welcome!", List.of(), List.of())), Optional.of(true), Optional.empty());
        List<CaseRecord> cases = List.of(
                ReportFixtures.failed(ReportFixtures.MATH, "b7", Split.TUNE, "Sorry", OptionalDouble.empty())
                        .toBuilder()
                        .tools(Optional.of(wrongOrder))
                        .build(),
                ReportFixtures.passed(ReportFixtures.MATH, "thanks", Split.TUNE, 0.9).toBuilder()
                        .tools(Optional.of(right))
                        .build());

        String html = HtmlReport.render(
                ReportFixtures.run(dir.resolve("rpt"), false, cases), Optional.empty(), MetricsOptions.DEFAULTS);

        assertThat(html)
                .contains("<h4>Tool use</h4>\n<p>tool selection 1.000 [0.342, 1.000] (2 answers scored), arguments"
                        + " 0.000 [0.000, 0.793] (1 scored), steps 1.50")
                .contains("<ol class=\"trajectory\"><li><code>lookup_order {&quot;order_id&quot;:&quot;B9&quot;}</code>"
                        + " → <strong>error</strong> <code>&lt;no such order&gt;</code><br></li>"
                        + "<li>“Sorry, I could not find it.”</li></ol>");
    }

    @Test
    void escapesModelTextSoThatNoScriptFromDataCanRun() throws IOException {
        String html = render(true, true);

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("&lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt;");
        assertThat(html).contains("<code>q&amp;a-&lt;6&gt;</code>");
        assertThat(html).contains("one number &lt;b&gt;.");
        assertThat(html.toLowerCase(java.util.Locale.ROOT))
                .as("the report has no script of its own, so any <script tag would have come from data")
                .doesNotContain("<script");
        assertThat(html).contains("default-src 'none'");
    }

    @Test
    void loadsNothingFromTheNetwork() throws IOException {
        String html = render(true, true);

        assertThat(html)
                .doesNotContainPattern("(?i)\\b(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//")
                .doesNotContainPattern("(?i)@import")
                .doesNotContainPattern("(?i)url\\(\\s*[\"']?\\s*(https?:)?//")
                .doesNotContainPattern("(?i)<(link|script|iframe|img|object|embed)\\b");
        assertThat(html).contains("href=\"#failures\"");
    }

    @Test
    void drawsAReliabilityDiagramAndAHistogramPerClassAndATrajectoryForATune() throws IOException {
        String html = render(false, true);

        assertThat(count(html, "<svg")).isEqualTo(3);
        assertThat(html).containsPattern("<figure class=\"chart reliability\">\\s*<svg[^>]*id=[\"']reliability-1[\"']");
        assertThat(html).containsPattern("<figure class=\"chart histogram\">\\s*<svg[^>]*id=[\"']histogram-1[\"']");
        assertThat(html)
                .containsPattern("<figure class=\"chart trajectory\">\\s*<svg[^>]*id=[\"']tune-trajectory[\"']");
        assertThat(count(html, "</svg>")).isEqualTo(3);
        assertThat(count(render(false, false), "<svg")).isEqualTo(2);
    }

    @Test
    void aClassWithoutConfidencesSaysWhyItHasNoCharts() throws IOException {
        RunReport run = ReportFixtures.run(
                dir.resolve("rpt"),
                false,
                List.of(ReportFixtures.failed(
                        ReportFixtures.MATH, "x", dev.rpt.api.Split.TUNE, "1", OptionalDouble.empty())));

        String html = HtmlReport.render(run, Optional.empty(), MetricsOptions.DEFAULTS);

        assertThat(html).doesNotContain("<svg").contains("No scored case stated a confidence");
    }

    @Test
    void showsTheTuneWithItsTrajectoryTargetsDiffsAndFailureModes() throws IOException {
        String html = render(false, true);

        assertThat(html).contains("<section id=\"tune\">", "best iteration 3 (written to the prompt file)");
        assertThat(html)
                .contains("<tr class=\"best\"><th scope=\"row\"><a href=\"#iteration-3\">3 (best)</a></th><td>10</td>"
                        + "<td>80.0%</td><td>[20.0%, 95.0%]</td><td>0.100</td><td>0.150</td>");
        assertThat(html)
                .containsPattern("(?s)id=\"iteration-2\">.*?Patch targeted:</strong> <span class=\"target\">"
                        + "answer holds several numbers</span>.*?Ask for one final number\\.");
        assertThat(html).contains("<span class=\"del\">-Answer briefly.</span>");
        assertThat(html)
                .containsPattern("(?s)id=\"iteration-1\">.*?<td>answer holds several numbers</td>.*?<td>14</td>"
                        + "<td>51\\.9%</td><td><code>gsm-03</code> <code>gsm-11</code> <code>gsm-17</code>");
    }

    @Test
    void showsTheAdoptionDecisionWithEachSplitSideBySide() throws IOException {
        RunReport run = ReportFixtures.run(dir.resolve("rpt"), false, ReportFixtures.mathCases());
        Path record = ReportFixtures.tune(dir.resolve("rpt/tune/t1"));
        ObjectMapper json = new ObjectMapper();
        var summary = (ObjectNode) json.readTree(record.resolve("summary.json").toFile());
        for (var iteration : summary.withArray("iterations")) {
            double accuracy = iteration.get("iteration").asInt() == 1 ? 0.5 : 0.75;
            ((ObjectNode) iteration)
                    .set(
                            "confirm",
                            json.readTree("{\"n\": 12, \"accuracy\": " + accuracy
                                    + ", \"accuracyCi\": [0.25, 0.9], \"ece\": 0.1, \"brier\": 0.2}"));
        }
        summary.set(
                "adoption",
                json.readTree("{\"adopted\": false, \"reason\": \"its gain on the confirmation cases is not significant"
                        + " (p = 0.1250, alpha 0.050)\", \"cases\": 12, \"seed\": 0.5, \"candidate\": 0.75,"
                        + " \"gainInterval\": [-0.05, 0.5], \"pValue\": 0.125, \"test\": \"McNemar exact binomial (3"
                        + " gained, 0 lost)\"}"));
        json.writeValue(record.resolve("summary.json").toFile(), summary);

        String html = HtmlReport.render(run, Optional.of(TuneRecord.read(record)), MetricsOptions.DEFAULTS);

        assertThat(html)
                .contains("<h3>Adoption</h3>\n<p class=\"verdict fail\"><strong>Not adopted:</strong> its gain on the"
                        + " confirmation cases is not significant (p = 0.1250, alpha 0.050). The seed was kept.</p>")
                .contains("<tr><th scope=\"row\">confirmation (chose nothing)</th><td>12</td><td>50.0%</td>"
                        + "<td>[25.0%, 90.0%]</td><td>75.0%</td><td>[25.0%, 90.0%]</td></tr>")
                .contains("<tr><th scope=\"row\">selection (ranked the candidates)</th><td>10</td><td>50.0%</td>")
                .contains(
                        "interval [-0.050, +0.500]; McNemar exact binomial (3 gained, 0 lost), one-sided p = 0.1250.");
    }

    @Test
    void aRecordWrittenBeforeAdoptionExistedShowsNoAdoptionButTheOverfittingGap() throws IOException {
        String html = render(false, true);

        assertThat(html).contains("<section id=\"tune\">").doesNotContain("<h3>Adoption</h3>");
        assertThat(html)
                .as("the best iteration: tune accuracy 0.85, selection accuracy 0.80")
                .contains("<td>85.0%</td><td>0.120</td><td>0.160</td><td>+5.0 pts</td>");
    }

    @Test
    void aRunOfSeveralModelsOpensWithThemSideBySide() throws IOException {
        RunReport written = ReportFixtures.run(dir.resolve("rpt"), false, ReportFixtures.mathCases());
        List<CaseRecord> cases = new ArrayList<>();
        written.cases().forEach(c -> cases.add(c.withModel("local")));
        written.cases().stream()
                .filter(c -> c.verdict() != Verdict.ERRORED)
                .forEach(c -> cases.add(c.withModel("hosted")));
        UsageSnapshot priced =
                new UsageSnapshot(6, 0, 0, Usage.of(600, 60), Usage.ZERO, OptionalDouble.of(0.0123), List.of());
        RunReport matrix = new RunReport(
                written.runId(),
                written.model(),
                List.of(classOn(written, "local"), classOn(written, "hosted")),
                cases,
                written.usage(),
                List.of(
                        new ModelRun("local", new ModelInfo("openai", "qwen3:8b", false), false, UsageSnapshot.NONE),
                        new ModelRun("hosted", new ModelInfo("openai", "gpt-4.1-mini", false), true, priced)));

        String html = HtmlReport.render(matrix, Optional.empty(), MetricsOptions.DEFAULTS);

        assertThat(html).contains("<nav><a href=\"#models\">models</a> · <a href=\"#classes\">classes</a>");
        assertThat(html.indexOf("<section id=\"models\">")).isLessThan(html.indexOf("<section id=\"classes\">"));
        assertThat(html)
                .contains("<tr><th><code>local</code><br><span class=\"where\">openai/qwen3:8b</span></th><td>0</td>"
                        + "<td>6</td><td>1</td><td>66.7%</td>")
                .contains("<tr><th><code>hosted</code><br><span class=\"where\">openai/gpt-4.1-mini ·"
                        + " informational</span></th><td>6</td><td>6</td><td>0</td><td>66.7%</td>")
                .contains("<td>$0.0123</td>")
                .contains(
                        "<h3>dev.example.MathSolverTests[local]</h3>", "<h3>dev.example.MathSolverTests[hosted]</h3>");
    }

    private static ClassInfo classOn(RunReport run, String model) {
        ClassInfo info = run.classes().get(0);
        return new ClassInfo(
                info.className(), info.promptPath(), info.promptSha256(), info.thresholds(), Optional.of(model));
    }

    @Test
    void aSimulatedRunCarriesALoudBanner() throws IOException {
        String html = render(true, false);

        assertThat(html).contains("<div class=\"simulator\" role=\"alert\"><strong>SIMULATED MODEL.</strong>");
        assertThat(html)
                .contains("sim/math (SIMULATOR)")
                .contains("<title>rpt report · 20260102-030405-a1b2 · SIMULATOR");
        assertThat(html.indexOf("class=\"simulator\"")).isLessThan(html.indexOf("<section id=\"classes\">"));
    }

    @Test
    void listsFailuresMostConfidentFirstAndErrorsLast() throws IOException {
        String html = render(false, false);

        int confidentWrong = html.indexOf("<code>gsm-04</code>");
        int lessConfident = html.indexOf("<code>q&amp;a-&lt;6&gt;</code>");
        int errored = html.indexOf("<code>gsm-07</code>");
        assertThat(confidentWrong).isPositive().isLessThan(lessConfident);
        assertThat(lessConfident).isLessThan(errored);
        assertThat(html).contains("All 3 failed or errored cases.");
        assertThat(html)
                .contains("<h3><a href=\"#class-1\">MathSolverTests</a> <span class=\"count\">· 2 failed, 1 errored"
                        + "</span></h3>");
        assertThat(html).doesNotContain("<p class=\"more\">");
        assertThat(html).contains("<code>ModelTimeoutException</code> no reply within 30s");
        assertThat(html).doesNotContain("<code>gsm-01</code>");
    }

    @Test
    void aJudgedClassShowsItsJudgeAgainstTheHumanVerdicts() throws IOException {
        RunReport run = ReportFixtures.run(dir.resolve("rpt"), false, ReportFixtures.judgedCases());

        String html = HtmlReport.render(run, Optional.empty(), MetricsOptions.DEFAULTS);

        assertThat(html)
                .contains("<h4>The judge against human verdicts</h4>")
                .contains("<th scope=\"row\">polite</th><td>6</td><td>0</td><td>83.3%</td>")
                // Observed 5/6, chance 4/6 × 3/6 + 2/6 × 3/6 = 1/2: kappa (5/6 − 1/2) / (1/2) = 0.667.
                .contains("<td>0.667</td>")
                .containsPattern("<svg[^>]*id=[\"']judge-1-0[\"']");
    }

    @Test
    void capsTheFailuresTableAndStatesTheTotal() throws IOException {
        RunReport run = ReportFixtures.run(dir.resolve("rpt"), false, ReportFixtures.manyFailures(150));

        String html = HtmlReport.render(run, Optional.empty(), MetricsOptions.DEFAULTS);

        assertThat(html).contains("150 failed or errored cases, at most 100 listed per class.");
        assertThat(html)
                .contains("<p class=\"more\">The run report (<code>last-run.json</code>) holds 50 more failed or"
                        + " errored cases of MathSolverTests, less damaging than those listed.</p>");
        String table = html.substring(html.indexOf("<table class=\"failures\">"));
        assertThat(count(table, "<tr class=\"failed\">")).isEqualTo(HtmlReport.MAX_FAILURES);
        assertThat(table).contains("<code>many-149</code>").doesNotContain("<code>many-049</code>");
    }

    @Test
    void writesReportHtmlNextToTheLastRun() throws IOException {
        Path reportDir = dir.resolve("rpt");
        ReportFixtures.run(reportDir, true, ReportFixtures.mathCases());
        Path tune = ReportFixtures.tune(reportDir.resolve("tune/t1"));

        Path written = HtmlReport.write(reportDir, Optional.of(tune), MetricsOptions.DEFAULTS);

        assertThat(written).isEqualTo(reportDir.resolve("report.html"));
        assertThat(Files.readString(written, StandardCharsets.UTF_8))
                .contains("<section id=\"tune\">", "SIMULATED MODEL");
        try (var files = Files.list(reportDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void withoutARunReportTheErrorSaysWhatToRun() {
        assertThatThrownBy(() -> HtmlReport.write(dir, Optional.empty(), MetricsOptions.DEFAULTS))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(dir.resolve("last-run.json").toString())
                .hasMessageContaining("mvn test");
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }
}
