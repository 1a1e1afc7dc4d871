package dev.rpt.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerKeyTests {

    private static KeyEntry entry(String question, String answer) {
        return KeyEntryParser.parse(question, "#### " + answer);
    }

    @Test
    void findsTheQuestionInsideARenderedPromptWhateverItsWhitespaceAndCase() {
        AnswerKey key = AnswerKey.of(List.of(
                entry("A robe takes 2 bolts of blue fiber and half that much white fiber.  How many bolts?", "3"),
                entry("Josh buys a house for $80,000 and puts in $50,000 in repairs.", "70000")));

        String prompt = "Solve this.\nQuestion:\n  a robe TAKES 2 bolts of blue fiber and half that much\n"
                + "white fiber. How many bolts?\nAnswer:";

        assertThat(key.find(prompt)).map(KeyEntry::answer).contains("3");
    }

    @Test
    void unknownTextFindsNothing() {
        AnswerKey key = AnswerKey.of(List.of(entry("What is two plus two, in words?", "four")));

        assertThat(key.find("What is three plus three, in words?")).isEmpty();
        assertThat(key.find("")).isEmpty();
        assertThat(AnswerKey.empty().find("What is two plus two, in words?")).isEmpty();
    }

    @Test
    void theLastQuestionInThePromptWinsOverFewShotExamples() {
        AnswerKey key = AnswerKey.of(
                List.of(entry("How many legs does a spider have?", "8"), entry("How many legs does a cat have?", "4")));

        String prompt = "Example: How many legs does a spider have? Answer: 8\nNow: How many legs does a cat have?";

        assertThat(key.find(prompt)).map(KeyEntry::answer).contains("4");
    }

    @Test
    void theLongestQuestionStartingAtTheSamePlaceWins() {
        AnswerKey key = AnswerKey.of(List.of(entry("Two", "short"), entry("Two plus two?", "long")));

        assertThat(key.find("Two plus two?")).map(KeyEntry::answer).contains("long");
        assertThat(key.find("Two")).map(KeyEntry::answer).contains("short");
    }

    @Test
    void duplicateQuestionsKeepTheFirstAnswer() {
        AnswerKey key = AnswerKey.of(List.of(entry("Same question here?", "1"), entry("Same  question here?", "2")));

        assertThat(key.size()).isEqualTo(1);
        assertThat(key.find("Same question here?")).map(KeyEntry::answer).contains("1");
    }

    @Test
    void findsTheRightEntryAmongTenThousandSimilarOnes() {
        List<KeyEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            entries.add(entry("Question number " + i + " asks how many apples farmer " + i + " sold today?", "" + i));
        }
        AnswerKey key = AnswerKey.of(entries);
        String prompt = "Answer carefully. ".repeat(50) + "Question number 9876 asks how many apples farmer 9876 sold"
                + " today?";

        // Lookup speed is a benchmark concern, not a unit-test one; this checks the index picks the right entry.
        assertThat(key.find(prompt)).map(KeyEntry::answer).contains("9876");
    }

    @Test
    void loadsJsonlFromAFileAndBbhJsonWithConfiguredFields(@TempDir Path dir) throws IOException {
        Path jsonl = dir.resolve("key.jsonl");
        Files.writeString(jsonl, "{\"question\":\"What is one plus one?\",\"answer\":\"#### 2\"}\n\n");
        Path bbh = dir.resolve("bbh.json");
        Files.writeString(bbh, "{\"examples\":[{\"input\":\"not ( True ) is\",\"target\":\"False\"}]}");

        AnswerKey gsm = AnswerKeyLoader.load(SimOptions.ofAnswers(jsonl.toString()));
        AnswerKey tasks = AnswerKeyLoader.load(new SimOptions(List.of(bbh.toString()), "input", "target"));

        assertThat(gsm.find("Q: what is one plus one?")).map(KeyEntry::answer).contains("2");
        assertThat(tasks.find("Evaluate: not ( True ) is"))
                .map(KeyEntry::answer)
                .contains("False");
    }

    @Test
    void missingFieldNamesTheFileLineAndKeyToSet(@TempDir Path dir) throws IOException {
        Path jsonl = dir.resolve("key.jsonl");
        Files.writeString(jsonl, "{\"question\":\"q1\",\"answer\":\"a\"}\n{\"input\":\"q2\",\"target\":\"b\"}\n");

        assertThatThrownBy(() -> AnswerKeyLoader.load(SimOptions.ofAnswers(jsonl.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(jsonl + " line 2")
                .hasMessageContaining("'question'")
                .hasMessageContaining("rpt.sim.question-field");
    }

    @Test
    void invalidJsonNamesTheFileAndLine(@TempDir Path dir) throws IOException {
        Path jsonl = dir.resolve("key.jsonl");
        Files.writeString(jsonl, "{\"question\":\"q1\",\"answer\":\"a\"}\n{not json\n");

        assertThatThrownBy(() -> AnswerKeyLoader.load(SimOptions.ofAnswers(jsonl.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(jsonl + " line 2 is not valid JSON");
    }

    @Test
    void missingLocationSaysItIsNeitherFileNorResource() {
        assertThatThrownBy(() -> AnswerKeyLoader.load(SimOptions.ofAnswers("no/such/key.jsonl")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.sim.answers")
                .hasMessageContaining("'no/such/key.jsonl' is neither a file");
    }
}
