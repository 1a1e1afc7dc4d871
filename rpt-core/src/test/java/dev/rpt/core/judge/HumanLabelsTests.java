package dev.rpt.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HumanLabelsTests {

    @TempDir
    Path dir;

    @Test
    void verdictsOnEveryModelsAnswersAccumulateAndEachMatchesOnlyItsAnswer() throws IOException {
        HumanLabels labels = read(
                "// comments and blank lines are skipped",
                "",
                line("com.example.ReplyTests", "q1", "polite", true, "\"answer\": \"Thank you, please wait.\""),
                line("ReplyTests", "q1", "polite", false, "\"answer\": \"Go away.\""),
                line("ReplyTests", "q1", "brief", true, "\"answer\": \"Go away.\""));

        assertThat(labels.verdicts("com.example.ReplyTests", "q1", "Thank you,  please wait.\n"))
                .as("whitespace aside")
                .isEqualTo(Map.of("polite", true));
        assertThat(labels.verdicts("other.pkg.ReplyTests", "q1", "Go away."))
                .isEqualTo(Map.of("polite", false, "brief", true));
        assertThat(labels.verdicts("ReplyTests", "q1", "Something new.")).isEmpty();
        assertThat(labels.verdicts("ReplyTests", "q2", "Go away.")).isEmpty();
    }

    @Test
    void anAnswerCanBeNamedByTheHashOfItsText() throws IOException {
        String hash = HumanLabels.answerSha256("Go away.");
        HumanLabels labels = read(line("ReplyTests", "q1", "polite", false, "\"answerSha256\": \"" + hash + "\""));

        assertThat(labels.verdicts("ReplyTests", "q1", " Go   away. ")).isEqualTo(Map.of("polite", false));
        assertThat(hash)
                .as("sha256 of 'Go away.', as sha256sum computes it")
                .isEqualTo("15aefe1253ce1ac476300822a1e56ba38191ae3453036bc952fd48cf873a8431");
    }

    @Test
    void contradictingVerdictsOnOneAnswerAreAnErrorNamingBothLines() throws IOException {
        Path file = write(
                line("ReplyTests", "q1", "polite", true, "\"answer\": \"Hi.\""),
                line("ReplyTests", "q1", "polite", false, "\"answer\": \" Hi. \""));

        assertThatThrownBy(() -> HumanLabels.read(file))
                .hasMessage(file + ":2: the verdict on criterion 'polite' for this answer of case 'q1' is false, but"
                        + " line 1 says true. Keep one of them.");
    }

    @Test
    void aLineThatIsNotALabelIsAnErrorNamingFileLineAndTheFix() throws IOException {
        Path missingVerdict =
                write("{\"class\": \"A\", \"case\": \"q1\", \"criterion\": \"polite\", \"answer\": \"x\"}");
        Path noAnswer = write(line("A", "q1", "polite", true, "\"note\": \"no answer named\""));
        Path notJson = write("{\"class\": \"A\",");
        Path disagreeing = write(
                line("A", "q1", "polite", true, "\"answer\": \"x\", \"answerSha256\": \"" + "0".repeat(64) + "\""));

        assertThatThrownBy(() -> HumanLabels.read(missingVerdict))
                .hasMessageStartingWith(missingVerdict + ":1: not a label: verdict: missing; write true or false.");
        assertThatThrownBy(() -> HumanLabels.read(noAnswer))
                .hasMessageStartingWith(noAnswer + ":1: names no answer; give the answer graded, as \"answer\"");
        assertThatThrownBy(() -> HumanLabels.read(notJson))
                .hasMessageStartingWith(notJson + ":1: not a label: ")
                .hasMessageContaining("Write one JSON object per line");
        assertThatThrownBy(() -> HumanLabels.read(disagreeing))
                .hasMessage(disagreeing + ":1: answer and answerSha256 name different answers; give one of them");
    }

    @Test
    void noFileMeansNoLabels() {
        assertThat(HumanLabels.readIfPresent(dir.resolve("absent.jsonl")).isEmpty())
                .isTrue();
        assertThat(HumanLabels.NONE.verdicts("A", "q1", "x")).isEmpty();
    }

    @Test
    void aLabelComesBeforeTheCaseFilesColumnAndIsNeverStale() {
        Map<String, String> vars = Map.of("polite", "false", JudgeAgreement.LABELLED_ANSWER, "an older answer");

        assertThat(JudgeAgreement.humanVerdict(vars, Map.of(), "polite", "the answer now"))
                .as("the column's verdict graded another answer")
                .isEmpty();
        assertThat(JudgeAgreement.humanVerdict(vars, Map.of("polite", true), "polite", "the answer now"))
                .contains(true);
    }

    private static String line(String className, String id, String criterion, boolean verdict, String answer) {
        return "{\"class\": \"" + className + "\", \"case\": \"" + id + "\", \"criterion\": \"" + criterion
                + "\", \"verdict\": " + verdict + ", " + answer + "}";
    }

    private HumanLabels read(String... lines) throws IOException {
        return HumanLabels.read(write(lines));
    }

    private Path write(String... lines) throws IOException {
        Path file = Files.createTempFile(dir, "labels", ".jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }
}
