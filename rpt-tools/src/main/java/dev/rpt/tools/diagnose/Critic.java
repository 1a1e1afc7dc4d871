package dev.rpt.tools.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.JsonSchema;
import dev.rpt.chat.ResponseFormat;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.protocol.CriticFormats;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Asks the critic model why one case failed: the contract's {@code failure_critique} call. */
final class Critic {

    static final String FORMAT_NAME = CriticFormats.CRITIQUE;

    static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"modes\":{\"type\":\"array\",\"items\":"
            + "{\"type\":\"object\",\"properties\":{\"label\":{\"type\":\"string\"},\"definition\":{\"type\":\"string\"},"
            + "\"why\":{\"type\":\"string\"},\"basis\":{\"type\":\"string\"}},"
            + "\"required\":[\"label\",\"definition\",\"why\",\"basis\"],\"additionalProperties\":false}}},"
            + "\"required\":[\"modes\"],\"additionalProperties\":false}";

    static final String INSTRUCTIONS = """
            You are a critic reviewing one failed test case of a prompt. You get the prompt's task text and the case: \
            its input variables, the model's answer, its stated confidence and justification, and the assertion that \
            failed. Name the failure modes that explain why the answer failed, so that someone editing the prompt can \
            fix the cause, not the symptom.

            Rules:
            - Name 1 to 3 failure modes; one is usual. Name a second or third only if it is a separate cause.
            - label: 2 to 6 words, lower case, naming a general pattern that other cases could share \
            (e.g. "answer holds several numbers", "ignores unit conversion"), never this case's data.
            - definition: one sentence defining the mode in general terms.
            - why: one or two sentences on how this case shows the mode.
            - basis: the concrete evidence from the case (quote the answer, justification or input briefly).
            - Judge the answer against the task and the failure message. If the answer looks right and the check \
            looks wrong, say so as a mode (e.g. "expected value likely wrong").
            - A high confidence on a wrong answer is worth naming when the justification shows unwarranted certainty.
            - Reply with JSON only, following the given schema.
            """;

    private static final int MAX_MODES = 3;
    private static final int MAX_LABEL_WORDS = 6;
    private static final int MAX_TOKENS = 800;
    // Enough for any realistic answer; bounds the tokens of a runaway one.
    private static final int MAX_CASE_TEXT = 4_000;

    private final ChatModel model;

    Critic(ChatModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * The modes the critic names for the case.
     *
     * @throws dev.rpt.core.model.ModelException when the call fails
     * @throws IllegalArgumentException when the reply is not JSON of the schema's shape or names no mode
     */
    List<CritiqueMode> critique(String task, FailedCase failure) {
        ChatResponse response = model.chat(request(task, failure));
        if (response.text() == null) {
            throw new IllegalArgumentException("the critic gave no text"
                    + (response.refusal() == null ? "" : " (refusal: " + Labels.clip(response.refusal(), 120) + ")"));
        }
        return parse(response.text());
    }

    static ChatRequest request(String task, FailedCase failure) {
        return ChatRequest.builder()
                .system(INSTRUCTIONS)
                .user(userJson(task, failure))
                .responseFormat(new ResponseFormat(FORMAT_NAME, new JsonSchema(SCHEMA), true))
                .temperature(0.0)
                .maxTokens(MAX_TOKENS)
                .build();
    }

    static String userJson(String task, FailedCase failure) {
        ObjectNode root = MessageJson.MAPPER.createObjectNode();
        root.put("task", task);
        root.set("case", Traces.trace(failure, MAX_CASE_TEXT));
        return MessageJson.write(root);
    }

    static List<CritiqueMode> parse(String text) {
        JsonNode modes = MessageJson.parse(text, "the critic's reply").path("modes");
        if (!modes.isArray()) {
            throw new IllegalArgumentException("the critic's reply has no 'modes' array");
        }
        List<CritiqueMode> result = new ArrayList<>();
        for (JsonNode mode : modes) {
            String label = firstWords(mode.path("label").asText(""));
            if (!label.isEmpty() && result.size() < MAX_MODES) {
                result.add(new CritiqueMode(
                        Labels.clip(label, Labels.MAX_LABEL),
                        Labels.clip(orElse(mode.path("definition").asText(""), label), Labels.MAX_DEFINITION),
                        mode.path("why").asText(""),
                        mode.path("basis").asText("")));
            }
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("the critic's reply names no failure mode with a label");
        }
        return result;
    }

    private static String orElse(String text, String fallback) {
        return text.isBlank() ? fallback : text;
    }

    // A critic that ignores the 2-6 word rule would make labels that never group; its first words usually still name
    // the pattern.
    private static String firstWords(String label) {
        String[] words = label.strip().split("\\s+");
        if (words.length <= MAX_LABEL_WORDS) {
            return label.strip().replaceAll("\\s+", " ");
        }
        return String.join(" ", List.of(words).subList(0, MAX_LABEL_WORDS));
    }
}
