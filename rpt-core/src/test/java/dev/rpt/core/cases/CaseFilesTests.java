package dev.rpt.core.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.api.CaseOrigin;
import dev.rpt.api.PromptCase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseFilesTests {

    @Test
    void unknownExtensionIsOneProblemNamingTheSupportedOnes() {
        CaseFileResult result = CaseFixtures.read("cases.txt");

        assertThat(result.cases()).isEmpty();
        assertThat(result.problems())
                .singleElement()
                .hasToString(
                        "cases/cases.txt: unsupported file type '.txt'; case files must end in .jsonl, .csv, .yaml or .yml");
    }

    @Test
    void missingExtensionIsNamedAsSuch() {
        CaseFileResult result = CaseFixtures.parse("cases/math", "{}", CaseFileOptions.defaults());

        assertThat(result.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("has no file extension;"));
    }

    @Test
    void extensionIsMatchedInAnyLetterCase() {
        CaseFileResult result = CaseFixtures.parse("CASES.YML", "- id: a\n", CaseFileOptions.defaults());

        assertThat(result.problems()).isEmpty();
        assertThat(result.cases()).extracting(PromptCase::id).containsExactly("a");
    }

    @Test
    void duplicateIdIsAProblemNamingBothLinesAndTheFirstRowWins() {
        CaseFileResult result = CaseFixtures.read("duplicates.jsonl");

        assertThat(result.cases()).extracting(c -> c.vars().get("question")).containsExactly("first", "second");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.origin()).hasToString("cases/duplicates.jsonl:3");
            assertThat(p.message()).contains("duplicate id 'same'", "cases/duplicates.jsonl:1");
        });
    }

    @Test
    void explicitIdThatCollidesWithALineIdIsADuplicate() {
        CaseFileResult result = CaseFixtures.parse("c.csv", "id,q\nline-3,a\n,b\n", CaseFileOptions.defaults());

        assertThat(result.cases()).extracting(PromptCase::id).containsExactly("line-3");
        assertThat(result.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(3));
    }

    @Test
    void idColumnCanBeRenamedAndIdsAreTrimmed() {
        CaseFileResult result = CaseFixtures.parse(
                "c.jsonl",
                "{\"key\": \" k1 \", \"id\": \"ignored\"}\n",
                CaseFileOptions.defaults().withIdColumn("key"));

        assertThat(result.cases()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("k1");
            assertThat(c.vars()).containsEntry("key", " k1 ").containsEntry("id", "ignored");
        });
    }

    @Test
    void limitStopsReadingAfterThatManyCases() {
        CaseFileResult result =
                CaseFixtures.read("malformed.jsonl", CaseFileOptions.defaults().withLimit(2));

        assertThat(result.cases()).extracting(PromptCase::id).containsExactly("a", "b");
        // Rows after the limit are not read, so their problems are not reported either.
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void readsAPathAndNamesAMissingOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cases.csv");
        Files.writeString(file, "id,q\na,1\n");

        CaseFileResult read = CaseFiles.read(file, CaseFileOptions.defaults());
        CaseFileResult missing = CaseFiles.read(dir.resolve("nope.jsonl"), CaseFileOptions.defaults());

        assertThat(read.cases())
                .singleElement()
                .satisfies(c -> assertThat(c.origin()).isEqualTo(new CaseOrigin(file.toString(), 2)));
        assertThat(missing.cases()).isEmpty();
        assertThat(missing.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.toString())
                        .isEqualTo(dir.resolve("nope.jsonl") + ": does not exist; check the path"));
    }

    @Test
    void leavesTheCallersStreamOpen() {
        for (String name : new String[] {"a.jsonl", "a.csv", "a.yaml"}) {
            AtomicBoolean closed = new AtomicBoolean();
            ByteArrayInputStream in = new ByteArrayInputStream("".getBytes(StandardCharsets.UTF_8)) {
                @Override
                public void close() {
                    closed.set(true);
                }
            };

            CaseFiles.read(name, in, CaseFileOptions.defaults());

            assertThat(closed).as(name).isFalse();
        }
    }

    @Test
    void readsTenThousandRowsInOrderWithUniqueIds() {
        StringBuilder csv = new StringBuilder("id,question\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append("q").append(i).append(",\"What is ").append(i).append(" + 1?\"\n");
        }

        CaseFileResult result = CaseFixtures.parse("big.csv", csv.toString(), CaseFileOptions.defaults());

        assertThat(result.problems()).isEmpty();
        assertThat(result.cases()).hasSize(10_000);
        assertThat(result.cases().get(9_999).origin().line()).isEqualTo(10_001);
        assertThat(result.cases().get(9_999).vars()).containsEntry("question", "What is 9999 + 1?");
    }
}
