package dev.rpt.junit.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** The right answer of each question in {@code cases/gsm8k-24.jsonl}, for fake servers that answer them. */
final class Gsm8kAnswers {

    private Gsm8kAnswers() {}

    /** Question text to answer. */
    static Map<String, String> load() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> answers = new HashMap<>();
        try (InputStream in = Gsm8kAnswers.class.getClassLoader().getResourceAsStream("cases/gsm8k-24.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                JsonNode row = json.readTree(line);
                answers.put(row.get("question").asText(), row.get("answer").asText());
            }
        }
        return answers;
    }

    /**
     * A fake model's structured reply to a chat request whose user message is one of the questions: the right answer
     * at confidence 0.9, or "I don't know".
     */
    static Function<JsonNode, String> replies() {
        Map<String, String> answers;
        try {
            answers = load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectMapper json = new ObjectMapper();
        return body -> json.createObjectNode()
                .put(
                        "answer",
                        answers.getOrDefault(body.at("/messages/1/content").asText(), "I don't know"))
                .put("confidence", 0.9)
                .put("justification", "looked it up")
                .toString();
    }
}
