package dev.rpt.tools.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.thresholds.MetricBounds;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoalsTests {

    private static final double UNSET = Double.NaN;

    @Test
    void takesTheStrictestBoundOfTheClassesOfThePrompt() {
        List<ClassInfo> classes = List.of(
                info("a.MathTests", "prompts/math.prompt", MetricBounds.of(0.7, 0.2, UNSET, UNSET)),
                info("a.MoreMathTests", "prompts/math.prompt", MetricBounds.of(0.8, 0.3, 0.25, UNSET)),
                info("a.OtherTests", "prompts/other.prompt", MetricBounds.of(0.99, 0.01, 0.01, 0.0)));

        MetricBounds goals = Goals.strictest(classes, "prompts/math.prompt");

        assertThat(goals).isEqualTo(MetricBounds.of(0.8, 0.2, 0.25, UNSET));
    }

    @Test
    void noBoundsWhenNoClassOfThePromptDeclaresAny() {
        List<ClassInfo> classes = List.of(
                info("a.MathTests", "prompts/math.prompt", MetricBounds.NONE),
                info("a.OtherTests", "prompts/other.prompt", MetricBounds.of(0.9, UNSET, UNSET, UNSET)));

        assertThat(Goals.strictest(classes, "prompts/math.prompt")).isEqualTo(MetricBounds.NONE);
    }

    private static ClassInfo info(String className, String prompt, MetricBounds thresholds) {
        return new ClassInfo(className, prompt, "0".repeat(64), thresholds);
    }
}
