package dev.rpt.core.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.rpt.api.PromptCase;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlCaseFilesTests {

    @Test
    void readsListOfMapsWithTheLineEachItemStartsOn() {
        CaseFileResult result = CaseFixtures.read("math.yaml");

        assertThat(result.cases()).extracting(PromptCase::id).containsExactly("add", "line-5", "nested");
        assertThat(result.cases()).extracting(c -> c.origin().line()).containsExactly(2, 5, 10);
        assertThat(result.cases().get(0).vars())
                .containsExactly(entry("id", "add"), entry("question", "What is 2 + 2?"), entry("answer", "4"));
    }

    @Test
    void blockTextNestedMapsAndNullsBecomeVariables() {
        List<PromptCase> cases = CaseFixtures.read("math.yaml").cases();

        assertThat(cases.get(1).vars()).containsEntry("question", "Two lines\nof text\n");
        assertThat(cases.get(2).vars())
                .containsEntry("meta", "{\"level\":1,\"tags\":[\"x\",\"y\"]}")
                .doesNotContainKey("hint");
    }

    @Test
    void itemThatIsNotAMapIsAProblemAtItsLine() {
        CaseFileResult result = CaseFixtures.read("math.yaml");

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.origin()).hasToString("cases/math.yaml:9");
            assertThat(p.message())
                    .startsWith("expected a map of variables for this case but found the text \"just a string\"");
        });
    }

    @Test
    void topLevelMapIsOneProblemThatShowsTheListForm() {
        CaseFileResult result = CaseFixtures.read("not-a-list.yaml");

        assertThat(result.cases()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).contains("expected a list of cases at the top level but found a map", "- id: q1");
        });
    }

    @Test
    void syntaxErrorKeepsTheItemsBeforeIt() {
        String yaml = "- id: a\n- id: b\n  q: [unclosed\n- id: c\n";

        CaseFileResult result = CaseFixtures.parse("broken.yml", yaml, CaseFileOptions.defaults());

        assertThat(result.cases()).extracting(PromptCase::id).containsExactly("a");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("not valid YAML");
            assertThat(p.line()).isGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void emptyFileHasNoCasesAndNoProblems() {
        CaseFileResult result = CaseFixtures.parse("empty.yaml", "", CaseFileOptions.defaults());

        assertThat(result.cases()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }
}
