package dev.rpt.tools.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.prompt.PromptFile;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a tune says: the optimizer's brief, and one line per iteration. */
class ProgressTextTests {

    private static final PromptFile PROMPT =
            PromptFile.parse("p.prompt", "{{role \"system\"}}\nBe exact.\n{{role \"user\"}}\n{{q}}\n");

    @Test
    void theBriefHandsTheOptimizerThePromptItsPlaceholdersTheGoalsAndTheBudget() {
        String brief = new ProgressText(TuneSettings.DEFAULTS)
                .brief(PROMPT, MetricBounds.of(0.8, 0.1, Double.NaN, Double.NaN));

        assertThat(brief)
                .isEqualTo("{\"task\":\"Improve this prompt. Start by calling evaluate_prompt on it as it is.\","
                        + "\"system\":\"Be exact.\",\"user\":\"{{q}}\",\"placeholders\":[\"q\"],"
                        + "\"goals\":{\"minAccuracy\":0.8,\"maxEce\":0.1},\"maxIterations\":"
                        + TuneSettings.DEFAULTS.maxIterations() + "}");
    }

    @Test
    void anIterationLineGivesTheHeldOutMetricsWithTheirIntervalTheTargetsAndTheUsage() {
        Metrics metrics = Metrics.of(List.of(CaseOutcome.passed(0.9), CaseOutcome.failed(0.6)));
        Evaluation evaluation = new Evaluation(2, PROMPT, "{}", metrics, metrics, List.of());

        String line = new ProgressText(TuneSettings.DEFAULTS)
                .line(evaluation, List.of("arithmetic slip"), Instant.now(), UsageSnapshot.NONE);

        // Wilson's 95% interval of 1 in 2; ECE (|1 - 0.9| + |0 - 0.6|) / 2; Brier (0.01 + 0.36) / 2.
        assertThat(line)
                .startsWith("iteration 2/" + TuneSettings.DEFAULTS.maxIterations() + ": held-out accuracy 0.500 [0.095,"
                        + " 0.905], ECE 0.350, Brier 0.185, tune-to-held-out gap +0.000; targeted arithmetic slip; 0"
                        + " calls, 0 tokens, cost $0.0000; ")
                .endsWith("s");
    }
}
