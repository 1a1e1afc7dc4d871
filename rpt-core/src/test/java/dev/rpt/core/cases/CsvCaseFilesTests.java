package dev.rpt.core.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.rpt.api.PromptCase;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvCaseFilesTests {

    @Test
    void readsRowsByHeaderWithTheLineEachRowStartsOn() {
        CaseFileResult result = CaseFixtures.read("math.csv");

        assertThat(result.problems()).isEmpty();
        assertThat(result.cases()).extracting(PromptCase::id).containsExactly("add", "poem", "line-5", "last");
        assertThat(result.cases()).extracting(c -> c.origin().line()).containsExactly(2, 3, 5, 6);
        assertThat(result.cases().get(0).vars())
                .containsExactly(entry("id", "add"), entry("question", "What is 2 + 2?"), entry("answer", "4"));
    }

    @Test
    void quotedValuesKeepCommasQuotesAndLineBreaks() {
        List<PromptCase> cases = CaseFixtures.read("math.csv").cases();

        // The fixture has CRLF line ends; the parser keeps the break inside the quoted value as written.
        assertThat(cases.get(1).vars().get("question")).isEqualTo("Write a line that quotes\r\n\"roses are red\"");
        assertThat(cases.get(2).vars()).containsEntry("id", "").containsEntry("question", "Comma, inside");
    }

    @Test
    void wrongColumnCountIsAProblemPerRowAndOtherRowsAreRead() {
        CaseFileResult result = CaseFixtures.read("columns.csv");

        assertThat(result.cases()).extracting(PromptCase::id).containsExactly("ok1", "ok2");
        assertThat(result.problems())
                .extracting(p -> p.origin().toString())
                .containsExactly("cases/columns.csv:3", "cases/columns.csv:4");
        assertThat(result.problems().get(0).message())
                .isEqualTo("row has 4 values but the header has 3 columns; quote values that contain commas,"
                        + " e.g. \"Paris, France\"");
        assertThat(result.problems().get(1).message()).startsWith("row has 2 values but the header has 3 columns");
    }

    @Test
    void rowAfterAMultiLineRowReportsItsOwnStartLine() {
        String csv = "id,text\nx,\"one\ntwo\nthree\"\ny,\"a\",extra\n";

        CaseFileResult result = CaseFixtures.parse("multi.csv", csv, CaseFileOptions.defaults());

        assertThat(result.cases())
                .singleElement()
                .satisfies(c -> assertThat(c.origin().line()).isEqualTo(2));
        assertThat(result.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(5));
    }

    @Test
    void headerWithoutANameOrWithARepeatedNameIsOneProblem() {
        CaseFileResult unnamed = CaseFixtures.parse("h.csv", "id,,answer\na,b,c\n", CaseFileOptions.defaults());
        CaseFileResult repeated = CaseFixtures.parse("h.csv", "id,q,q\na,b,c\n", CaseFileOptions.defaults());

        assertThat(unnamed.cases()).isEmpty();
        assertThat(unnamed.problems())
                .singleElement()
                .hasToString("h.csv:1: header column 2 has no name; the first row must name every column, e.g."
                        + " id,question,expected");
        assertThat(repeated.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'q' twice"));
    }

    @Test
    void unclosedQuoteStopsReadingButKeepsEarlierRows() {
        String csv = "id,q\na,1\nb,\"never closed\nc,3\n";

        CaseFileResult result = CaseFixtures.parse("quote.csv", csv, CaseFileOptions.defaults());

        assertThat(result.cases()).extracting(PromptCase::id).containsExactly("a");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("not valid CSV").contains("check the quotes");
            assertThat(p.line()).isGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void byteOrderMarkAndEmptyLinesAreIgnored() {
        CaseFileResult result = CaseFixtures.parse("bom.csv", "\uFEFFid,q\n\na,1\n\nb,2\n", CaseFileOptions.defaults());

        assertThat(result.problems()).isEmpty();
        assertThat(result.cases()).extracting(PromptCase::id).containsExactly("a", "b");
        assertThat(result.cases()).extracting(c -> c.origin().line()).containsExactly(3, 5);
    }
}
