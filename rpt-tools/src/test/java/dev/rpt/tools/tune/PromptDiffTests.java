package dev.rpt.tools.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.prompt.PromptFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PromptDiffTests {

    @Test
    void producesAUnifiedDiffWithAAndBPathsAndThreeLinesOfContext() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";

        String diff = PromptDiff.unified("src/main/resources/prompts/p.prompt", before, after);

        assertThat(diff)
                .isEqualTo("--- a/src/main/resources/prompts/p.prompt\n"
                        + "+++ b/src/main/resources/prompts/p.prompt\n"
                        + "@@ -2,7 +2,7 @@\n"
                        + " 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
    }

    @Test
    void diffsASectionRewrite() throws Exception {
        PromptFile original = PromptFile.parse(Path.of(
                PromptDiffTests.class.getResource("/prompts/math-solver.prompt").toURI()));
        PromptFile edited = original.withUser("Solve: {{question}}");

        String diff = PromptDiff.unified("prompts/math-solver.prompt", original.text(), edited.text());

        assertThat(diff)
                .contains("-Problem: {{question}}\n-Hint: {{hint}}\n+Solve: {{question}}\n")
                .doesNotContain("-model:", "+model:");
    }

    @Test
    void identicalTextsGiveAnEmptyDiff() {
        assertThat(PromptDiff.unified("p.prompt", "a\nb\n", "a\nb\n")).isEmpty();
    }
}
