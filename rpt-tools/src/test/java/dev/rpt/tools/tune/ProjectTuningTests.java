package dev.rpt.tools.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.thresholds.MetricBounds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectTuningTests {

    private static final RunReport FIRST_RUN = new RunReport(
            "run-1",
            new ModelInfo("sim", "sim-1", true),
            List.of(
                    new ClassInfo("a.MathTests", "prompts/math.prompt", "0".repeat(64), MetricBounds.NONE),
                    new ClassInfo("a.MoreMathTests", "prompts/math.prompt", "0".repeat(64), MetricBounds.NONE),
                    new ClassInfo("a.OtherTests", "prompts/other.prompt", "0".repeat(64), MetricBounds.NONE)),
            List.of(),
            dev.rpt.core.model.runtime.UsageSnapshot.NONE);

    @Test
    void everyPromptOfTheFirstRunOnceInOrder() throws Exception {
        assertThat(ProjectTuning.prompts(RptConfig.of(Map.of()), FIRST_RUN))
                .containsExactly("prompts/math.prompt", "prompts/other.prompt");
    }

    @Test
    void onlyTheConfiguredPrompt() throws Exception {
        RptConfig config = RptConfig.of(Map.of("rpt.tune.prompt", "prompts/other.prompt"));

        assertThat(ProjectTuning.prompts(config, FIRST_RUN)).containsExactly("prompts/other.prompt");
    }

    @Test
    void aConfiguredPromptWithoutTestsIsOneClearError() {
        RptConfig config = RptConfig.of(Map.of("rpt.tune.prompt", "prompts/typo.prompt"));

        assertThatThrownBy(() -> ProjectTuning.prompts(config, FIRST_RUN))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.tune.prompt=prompts/typo.prompt")
                .hasMessageContaining("prompts/math.prompt");
    }

    @Test
    void recordIdsNameThePromptAndAreSafeAsDirectoryNames() {
        assertThat(ProjectTuning.recordId("prompts/math solver.prompt")).matches("\\d{8}-\\d{6}-math_solver");
    }
}
