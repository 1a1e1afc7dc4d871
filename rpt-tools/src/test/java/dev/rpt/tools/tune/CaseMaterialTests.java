package dev.rpt.tools.tune;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.api.Split;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.prompt.PromptFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A candidate that pastes optimization cases into the prompt is caught; one that states a rule is not. */
class CaseMaterialTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String QUESTION = "Natalia sold clips to 48 of her friends in April, and then she sold half as"
            + " many clips in May. How many clips did Natalia sell altogether in April and May?";
    private static final String SOLUTION = "Natalia sold 48/2 = <<48/2=24>>24 clips in May.\nNatalia sold 48+24 ="
            + " <<48+24=72>>72 clips altogether in April and May.\n#### 72";

    private static final PromptFile SEED = PromptFile.parse(
            "math.prompt", "{{role \"system\"}}\nSolve the problem.\n{{role \"user\"}}\n{{question}}\n");

    private final CaseMaterial material = CaseMaterial.of(List.of(
            record("train-000", Map.of("question", QUESTION, "answer", "72", "solution", SOLUTION)),
            record("bbh-07", Map.of("input", "Today is 3/5, and it is Jane's third birthday.", "target", "(A)"))));

    @Test
    void aPastedQuestionIsACopyOfItsCase() {
        PromptFile pasted = candidate("Solve the problem. For example: natalia SOLD clips to 48 of her friends in"
                + " April, and then she sold half as many.");

        assertThat(material.copiedInto(SEED, pasted))
                .contains(new CaseMaterial.Copy("train-000", "natalia sold clips to 48 of her friends in april"));
    }

    @Test
    void aPastedWorkedSolutionIsACopy() {
        PromptFile pasted = candidate("Solve the problem. Like this: Natalia sold 48/2 = <<48/2=24>>24 clips in May.");

        assertThat(material.copiedInto(SEED, pasted))
                .map(CaseMaterial.Copy::caseId)
                .contains("train-000");
    }

    @Test
    void shortAnswersAndGeneralRulesAreNotCopies() {
        PromptFile rule = candidate("Solve the problem step by step. When the answer is 72 or 18, or a letter such as"
                + " (A), give only that. Check how many items were sold altogether before you answer.");

        assertThat(material.copiedInto(SEED, rule)).isEmpty();
    }

    @Test
    void textTheSeedAlreadyHeldIsNotACopy() {
        PromptFile seedWithExample = candidate("Example: " + QUESTION + " Answer: 72.");
        PromptFile edited = PromptFile.parse(
                "math.prompt",
                "{{role \"system\"}}\nThink first.\nExample: " + QUESTION + " Answer: 72.\n{{role \"user\"}}\n"
                        + "{{question}}\n");

        assertThat(material.copiedInto(seedWithExample, edited)).isEmpty();
        assertThat(CaseMaterial.NONE.copiedInto(SEED, seedWithExample)).isEmpty();
    }

    /**
     * The calibration of {@link CaseMaterial#RUN}: on the sample project's 120 GSM8K cases, natural phrasing shares
     * runs of six words between different cases, and no case shares a run of eight or ten words with another.
     */
    @Test
    void tenWordsIsAboveTheOverlapOfUnrelatedCases() throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String file : List.of("gsm8k-tune.jsonl", "gsm8k-holdout.jsonl")) {
            for (String line : Files.readAllLines(Path.of("../sample-project/src/test/resources/cases", file))) {
                rows.add(JSON.readTree(line));
            }
        }
        assertThat(rows).hasSize(120);

        assertThat(casesSharingARun(rows, "question", 6)).isEqualTo(2);
        assertThat(casesSharingARun(rows, "solution", 6)).isEqualTo(31);
        assertThat(casesSharingARun(rows, "question", 8)).isZero();
        assertThat(casesSharingARun(rows, "solution", 8)).isZero();
        assertThat(casesSharingARun(rows, "question", CaseMaterial.RUN)).isZero();
        assertThat(casesSharingARun(rows, "solution", CaseMaterial.RUN)).isZero();
    }

    /** How many cases share a run of {@code n} words of {@code field} with some other case. */
    private static long casesSharingARun(List<JsonNode> rows, String field, int n) {
        List<java.util.Set<String>> runs = new ArrayList<>();
        for (JsonNode row : rows) {
            String[] words =
                    row.get(field).asText().toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+");
            List<String> kept =
                    java.util.Arrays.stream(words).filter(w -> !w.isEmpty()).toList();
            java.util.Set<String> own = new java.util.HashSet<>();
            for (int i = 0; i + n <= kept.size(); i++) {
                own.add(String.join(" ", kept.subList(i, i + n)));
            }
            runs.add(own);
        }
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        runs.forEach(own -> own.forEach(run -> counts.merge(run, 1, Integer::sum)));
        return runs.stream()
                .filter(own -> own.stream().anyMatch(run -> counts.get(run) > 1))
                .count();
    }

    private static PromptFile candidate(String system) {
        return PromptFile.parse(
                "math.prompt", "{{role \"system\"}}\n" + system + "\n{{role \"user\"}}\n{{question}}\n");
    }

    private static CaseRecord record(String id, Map<String, String> vars) {
        return CaseRecord.builder("example.MathTests", "solves", id)
                .split(Split.TUNE)
                .vars(vars)
                .verdict(Verdict.PASSED)
                .answer("72")
                .confidence(0.9)
                .build();
    }
}
