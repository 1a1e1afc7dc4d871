package dev.rpt.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.BadRequestException;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.sim.KeyEntry.WorkedStep;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CriticRoleTests {

    private final ChatModel sim = GsmSample.model();

    private static ObjectNode kase(
            String answer, double confidence, String justification, String kind, String message) {
        ObjectNode node = TuneHarness.JSON.createObjectNode();
        node.put("answer", answer).put("confidence", confidence).put("justification", justification);
        node.putObject("failure").put("kind", kind).put("message", message);
        return node;
    }

    private List<String> labels(ObjectNode kase) {
        ObjectNode message = TuneHarness.JSON.createObjectNode().put("task", "Answer the math question.");
        message.set("case", kase);
        ChatResponse response = sim.chat(ChatRequest.builder()
                .system("Name the failure modes.")
                .user(TuneHarness.write(message))
                .responseFormat(TuneHarness.CRITIQUE)
                .build());
        List<String> labels = new ArrayList<>();
        JsonNode modes = GsmSample.parse(response).get("modes");
        assertThat(modes.size()).isBetween(1, 3);
        for (JsonNode mode : modes) {
            assertThat(mode.fieldNames()).toIterable().containsExactly("label", "definition", "why", "basis");
            assertThat(mode.get("label").asText().split(" ").length).isBetween(2, 6);
            labels.add(mode.get("label").asText());
        }
        return labels;
    }

    @Test
    void repliesAsTheCriticWithTheCritiqueSchema() {
        ObjectNode message = TuneHarness.JSON.createObjectNode();
        message.set("case", kase("17", 0.5, "Worked through 2 steps and miscounted by one.", "value", "the number 18"));
        ChatResponse response = sim.chat(ChatRequest.builder()
                .user(TuneHarness.write(message))
                .responseFormat(TuneHarness.CRITIQUE)
                .build());

        assertThat(response.model()).isEqualTo("sim-critic (SIMULATOR)");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(GsmSample.parse(response).get("modes").get(0).get("basis").asText())
                .isEqualTo("justification");
        assertThat(response.usage().completionTokens())
                .isEqualTo((response.text().length() + 3) / 4);
    }

    @Test
    void labelsAProseAnswerAndAddsOverconfidence() {
        assertThat(labels(kase(
                        "After 2 steps, the answer is 18.",
                        0.95,
                        "Worked through 2 steps; the last was 9*2 = 18.",
                        "format",
                        "the number 18, but the answer holds several numbers [2, 18]")))
                .containsExactly("answer holds several numbers", "overconfident wrong answer");
    }

    @Test
    void labelsTheSlipTheJustificationNames() {
        assertThat(labels(kase(
                        "9",
                        0.6,
                        "Worked through 1 of 2 steps and stopped at 16-3-4 = 9, skipping the final step.",
                        "value",
                        "the number 18")))
                .containsExactly("skipped final step");
        assertThat(labels(kase(
                        "360",
                        0.6,
                        "Worked through 2 steps, then converted units: 6 × 60 = 360.",
                        "value",
                        "the number 6")))
                .containsExactly("unit conversion slip");
        assertThat(labels(kase("(B)", 0.97, "Worked through 3 steps and chose (B).", "value", "answer one of [(A)]")))
                .containsExactly("wrong option chosen", "overconfident wrong answer");
        assertThat(labels(kase("I don't know", 0.05, TargetRole.UNKNOWN_JUSTIFICATION, "format", "holds no number")))
                .containsExactly("no answer given");
    }

    @Test
    void withoutAJustificationTheExpectedValueIsTheEvidence() {
        ObjectNode unit = kase("360", 0.5, "", "value", "the number 6").put("expected", "6");
        ObjectNode other = kase("41", 0.5, "", "value", "the number 6").put("expected", "6");

        assertThat(labels(unit)).containsExactly("unit conversion slip");
        assertThat(labels(other)).containsExactly("arithmetic slip");
    }

    /** Every wrong target answer on the sample gets the critic label of the slip the simulator really made. */
    @Test
    void namesTheRealSlipOfEveryWrongTargetAnswerOnTheSample() throws IOException {
        int checked = 0;
        PromptTraits answerOnly = new PromptTraits(false, true, false, false, false);
        for (KeyEntry entry : entries()) {
            // The same draws make the same mistake whatever the answer's form, so the bare value shows the slip.
            Reply bare = TargetRole.answer(entry, answerOnly, Draws.greedy(entry.question()));
            String truth = bare.correct() ? null : trueSlip(entry, bare.answer());
            for (PromptTraits traits : List.of(PromptTraits.NONE, answerOnly)) {
                Reply reply = TargetRole.answer(entry, traits, Draws.greedy(entry.question()));
                List<String> expected = new ArrayList<>();
                if (!traits.answerOnly()) {
                    expected.add("answer holds several numbers");
                }
                if (truth != null) {
                    expected.add(truth);
                }
                if (expected.isEmpty()) {
                    continue;
                }
                expected.add("overconfident wrong answer");
                String kind = traits.answerOnly() ? "value" : "format";
                assertThat(labels(kase(reply.answer(), reply.confidence(), reply.justification(), kind, "the number")))
                        .as(entry.question())
                        .containsExactlyElementsOf(expected);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(250);
    }

    /** The slip recomputed from the key, independently of the justification; ambiguous values are never chosen. */
    private static String trueSlip(KeyEntry entry, String answer) {
        BigDecimal got = new BigDecimal(answer);
        BigDecimal right = new BigDecimal(entry.answer().replace(",", ""));
        if (entry.unitQuestion() && got.compareTo(right.multiply(BigDecimal.valueOf(entry.unitFactor()))) == 0) {
            return "unit conversion slip";
        }
        List<WorkedStep> worked = entry.workedSteps();
        if (worked.size() >= 2
                && got.compareTo(new BigDecimal(
                                worked.get(worked.size() - 2).result().replace(",", "")))
                        == 0) {
            return "skipped final step";
        }
        assertThat(got.subtract(right).abs()).isEqualByComparingTo(BigDecimal.ONE);
        return "arithmetic slip";
    }

    @Test
    void groupsLabelsByExactLabelInOrderOfFirstAppearance() {
        String message =
                "{\"critiques\":[{\"caseId\":\"gsm-1\",\"label\":\"skipped final step\",\"definition\":\"Stopped early.\"},"
                        + "{\"caseId\":\"gsm-2\",\"label\":\"arithmetic slip\"},{\"caseId\":\"gsm-3\",\"label\":\"skipped final step\"},"
                        + "{\"caseId\":\"gsm-4\",\"label\":\"Skipped final step\"}]}";
        ChatResponse response = sim.chat(ChatRequest.builder()
                .user(message)
                .responseFormat(TuneHarness.GROUPING)
                .build());

        JsonNode groups = GsmSample.parse(response).get("groups");
        assertThat(groups).hasSize(3);
        assertThat(groups.get(0).toString())
                .isEqualTo(
                        "{\"label\":\"skipped final step\",\"definition\":\"Stopped early.\",\"members\":[\"skipped final step\"]}");
        assertThat(groups.get(1).get("definition").asText()).isEqualTo(FailureLabel.ARITHMETIC_SLIP.definition());
        assertThat(groups.get(2).get("label").asText()).isEqualTo("Skipped final step");
    }

    @Test
    void aUserMessageThatIsNotJsonIsOneClearError() {
        ChatRequest request = ChatRequest.builder()
                .user("Why did it fail?")
                .responseFormat(TuneHarness.CRITIQUE)
                .build();

        assertThatThrownBy(() -> sim.chat(request))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("failure_critique user message")
                .hasMessageContaining("Why did it fail?");
    }

    static List<KeyEntry> entries() throws IOException {
        try (InputStream in = CriticRoleTests.class.getClassLoader().getResourceAsStream(GsmSample.RESOURCE)) {
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return AnswerKeyLoader.read(GsmSample.RESOURCE, content, SimOptions.ofAnswers(GsmSample.RESOURCE));
        }
    }
}
