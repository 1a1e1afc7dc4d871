package dev.rpt.core.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.api.PromptCase;
import dev.rpt.api.Split;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseSplitTests {

    @Test
    void splitColumnDecidesPerRowAndBlankFallsBackToTheHash() {
        CaseFileResult result = CaseFixtures.read("splits.csv");

        assertThat(result.cases()).extracting(PromptCase::id).containsExactly("a", "b", "c", "d");
        assertThat(result.cases())
                .extracting(PromptCase::split)
                .containsExactly(
                        Split.TUNE,
                        Split.HOLDOUT,
                        Split.HOLDOUT,
                        HoldoutSplit.defaults().assign("d"));
    }

    @Test
    void badSplitValueIsAProblemThatSaysWhatIsAllowed() {
        CaseFileResult result = CaseFixtures.read("splits.csv");

        assertThat(result.problems())
                .singleElement()
                .hasToString(
                        "cases/splits.csv:6: split 'maybe' in column 'split' is neither 'tune' nor 'holdout'; write one of"
                                + " those, or leave it empty to split by id");
    }

    @Test
    void fixedSplitOverridesTheColumnForEveryRow() {
        CaseFileResult result =
                CaseFixtures.read("splits.csv", CaseFileOptions.defaults().withSplit(Split.HOLDOUT));

        assertThat(result.problems()).isEmpty();
        assertThat(result.cases())
                .hasSize(5)
                .allSatisfy(c -> assertThat(c.split()).isEqualTo(Split.HOLDOUT));
    }

    @Test
    void splitColumnCanBeRenamed() {
        CaseFileResult result = CaseFixtures.parse(
                "s.jsonl",
                "{\"id\": \"a\", \"set\": \"holdout\", \"split\": \"tune\"}\n",
                CaseFileOptions.defaults().withSplitColumn("set"));

        assertThat(result.cases())
                .singleElement()
                .satisfies(c -> assertThat(c.split()).isEqualTo(Split.HOLDOUT));
    }

    @Test
    void withoutASplitColumnRowsAreSplitByIdHash() {
        HoldoutSplit everything = HoldoutSplit.of(1.0, "rpt");
        HoldoutSplit nothing = HoldoutSplit.of(0.0, "rpt");

        List<PromptCase> allHeldOut = CaseFixtures.read(
                        "math.jsonl", CaseFileOptions.defaults().withHoldout(everything))
                .cases();
        List<PromptCase> noneHeldOut = CaseFixtures.read(
                        "math.jsonl", CaseFileOptions.defaults().withHoldout(nothing))
                .cases();

        assertThat(allHeldOut).hasSize(3).allSatisfy(c -> assertThat(c.split()).isEqualTo(Split.HOLDOUT));
        assertThat(noneHeldOut).hasSize(3).allSatisfy(c -> assertThat(c.split()).isEqualTo(Split.TUNE));
    }
}
