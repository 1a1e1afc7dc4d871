package dev.rpt.tools.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.thresholds.MetricBounds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's findings as a pull-request comment, GitHub's step summary and GitHub's error annotations. */
class GateSummaryTests {

    @TempDir
    Path dir;

    @Test
    void theSummaryGivesTheVerdictEachClassAndTheFindingsAndIsAppendedToTheStepSummary() throws Exception {
        RunReport run = failingRun();
        GateResult result = new Gate(GateSettings.from(RptConfig.of(Map.of()))).check(run, Optional.empty(), List.of());
        Path stepSummary = dir.resolve("step-summary.md");
        Files.writeString(stepSummary, "earlier step\n");

        Path written = GateSummary.write(dir, run, result, Map.of("GITHUB_STEP_SUMMARY", stepSummary.toString()));

        String markdown = Files.readString(written);
        assertThat(written.getFileName().toString()).isEqualTo("summary.md");
        assertThat(markdown)
                .startsWith("## rpt:check failed\n")
                .contains("| class | verdict | measured |")
                .contains("| **failed** |")
                .contains("### Findings\n\n- ");
        assertThat(Files.readString(stepSummary)).isEqualTo("earlier step\n" + markdown + "\n");
    }

    @Test
    void onGitHubActionsEachFailingClassIsAnErrorOnItsPromptFile() throws Exception {
        RunReport run = failingRun();
        Path workspace = dir.resolve("repo");
        Path prompt = workspace.resolve("src/main/resources/prompts/math.prompt");

        List<String> annotations = GateSummary.annotations(
                run,
                Map.of("GITHUB_ACTIONS", "true", "GITHUB_WORKSPACE", workspace.toString()),
                resource -> Optional.of(prompt));

        assertThat(annotations)
                .singleElement()
                .asString()
                .startsWith("::error file=src/main/resources/prompts/math.prompt,line=1,title=rpt%3A ")
                .contains(" fails: ");
        assertThat(GateSummary.annotations(run, Map.of(), resource -> Optional.of(prompt)))
                .as("outside GitHub Actions")
                .isEmpty();
        assertThat(GateSummary.escapeData("50% of\nthem")).isEqualTo("50%25 of%0Athem");
    }

    /** A class of 40 cases, 10 right, below its minimum accuracy of 0.5. */
    private RunReport failingRun() throws java.io.IOException {
        return new TestReports(dir)
                .thresholds(MetricBounds.of(0.5, Double.NaN, Double.NaN, Double.NaN))
                .many("q", 0, 10, true, 0.9)
                .many("w", 0, 30, false, 0.6)
                .build();
    }
}
