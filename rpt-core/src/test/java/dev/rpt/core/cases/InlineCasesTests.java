package dev.rpt.core.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.rpt.api.PromptCase;
import dev.rpt.api.Split;
import java.util.List;
import org.junit.jupiter.api.Test;

class InlineCasesTests {

    private static final String SOURCE = "MathSolverPromptTests.java";

    @Test
    void firstEqualsSignSplitsNameFromValue() {
        InlineVars parsed =
                InlineCases.parseVars(SOURCE, List.of("question=What is 2 + 2?", " expected =x=4", "empty="));

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.vars())
                .containsExactly(entry("question", "What is 2 + 2?"), entry("expected", "x=4"), entry("empty", ""));
    }

    @Test
    void malformedEntriesAreProblemsThatQuoteThem() {
        InlineVars parsed = InlineCases.parseVars(SOURCE, List.of("question What is 2 + 2?", "=4", "a=1", "a=2"));

        assertThat(parsed.vars()).containsExactly(entry("a", "1"));
        assertThat(parsed.problems())
                .extracting(CaseProblem::toString)
                .containsExactly(
                        SOURCE + ": inline variable \"question What is 2 + 2?\" has no '='; write it as name=value,"
                                + " e.g. \"question=What is 2 + 2?\"",
                        SOURCE + ": inline variable \"=4\" has no name before '='; write it as name=value",
                        SOURCE + ": inline variable \"a=2\" sets 'a' again; give each variable once per case");
    }

    @Test
    void casesGetGivenIdsOrIdVariablesOrTheirPosition() {
        CaseFileResult result = new InlineCases(SOURCE, CaseFileOptions.defaults())
                .add("sum", List.of("question=2 + 2?"))
                .add("", List.of("id=product", "question=2 * 3?"))
                .add("", List.of("question=2 - 3?"))
                .result();

        assertThat(result.problems()).isEmpty();
        assertThat(result.cases()).extracting(PromptCase::id).containsExactly("sum", "product", "case-3");
        assertThat(result.cases()).allSatisfy(c -> assertThat(c.origin()).hasToString(SOURCE));
        assertThat(result.cases().get(2).split())
                .isEqualTo(HoldoutSplit.defaults().assign("case-3"));
    }

    @Test
    void caseWithABadEntryOrADuplicateIdIsLeftOut() {
        CaseFileResult result = new InlineCases(
                        SOURCE, CaseFileOptions.defaults().withSplit(Split.TUNE))
                .add("a", List.of("question"))
                .add("b", List.of("question=1?"))
                .add("b", List.of("question=2?"))
                .result();

        assertThat(result.cases()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("b");
            assertThat(c.split()).isEqualTo(Split.TUNE);
            assertThat(c.vars()).containsExactly(entry("question", "1?"));
        });
        assertThat(result.problems())
                .extracting(CaseProblem::message)
                .satisfiesExactly(
                        m -> assertThat(m).startsWith("inline variable \"question\" has no '='"),
                        m -> assertThat(m).startsWith("duplicate id 'b'"));
    }
}
