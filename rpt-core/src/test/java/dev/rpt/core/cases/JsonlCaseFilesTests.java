package dev.rpt.core.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.rpt.api.PromptCase;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonlCaseFilesTests {

    @Test
    void readsObjectsWithIdsLinesAndTextValues() {
        CaseFileResult result = CaseFixtures.read("math.jsonl");

        assertThat(result.problems()).isEmpty();
        assertThat(result.cases()).extracting(PromptCase::id).containsExactly("add", "line-4", "half");
        assertThat(result.cases())
                .extracting(c -> c.origin().toString())
                .containsExactly("cases/math.jsonl:2", "cases/math.jsonl:4", "cases/math.jsonl:5");
        assertThat(result.cases().get(0).vars())
                .containsExactly(entry("id", "add"), entry("question", "What is 2 + 2?"), entry("answer", "4"));
    }

    @Test
    void nestedValuesAreCompactJsonNullsAreAbsentAndDecimalsKeepTheirDigits() {
        List<PromptCase> cases = CaseFixtures.read("math.jsonl").cases();

        assertThat(cases.get(1).vars())
                .containsEntry("meta", "{\"level\":1,\"tags\":[\"x\",\"y\"]}")
                .containsEntry("answer", "9")
                .doesNotContainKey("hint");
        assertThat(cases.get(2).vars()).containsEntry("answer", "2.50").containsEntry("exact", "true");
    }

    @Test
    void malformedLineIsAProblemAndTheOtherRowsAreStillRead() {
        CaseFileResult result = CaseFixtures.read("malformed.jsonl");

        assertThat(result.cases()).extracting(PromptCase::id).containsExactly("a", "b", "d");
        assertThat(result.problems()).hasSize(2);
        CaseProblem badJson = result.problems().get(0);
        assertThat(badJson.toString()).startsWith("cases/malformed.jsonl:3: not valid JSON");
        assertThat(badJson.message()).contains("one complete JSON object per line");
        CaseProblem array = result.problems().get(1);
        assertThat(array.origin()).hasToString("cases/malformed.jsonl:4");
        assertThat(array.message()).contains("expected a JSON object but found a list");
    }

    @Test
    void duplicateKeysAndTrailingTextOnALineAreProblems() {
        CaseFileResult result = CaseFixtures.parse(
                "dup.jsonl",
                "{\"q\": \"1\", \"q\": \"2\"}\n{\"q\": \"3\"} {\"q\": \"4\"}\n{\"q\": \"5\"}\n",
                CaseFileOptions.defaults());

        assertThat(result.cases()).extracting(PromptCase::id).containsExactly("line-3");
        assertThat(result.problems()).extracting(CaseProblem::line).containsExactly(1, 2);
        assertThat(result.problems().get(0).message()).contains("Duplicate field 'q'");
    }

    @Test
    void leadingByteOrderMarkIsIgnored() {
        CaseFileResult result = CaseFixtures.parse("bom.jsonl", "\uFEFF{\"id\": \"x\"}\n", CaseFileOptions.defaults());

        assertThat(result.problems()).isEmpty();
        assertThat(result.cases()).extracting(PromptCase::id).containsExactly("x");
    }
}
