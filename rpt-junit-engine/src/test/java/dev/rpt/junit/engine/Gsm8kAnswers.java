package dev.rpt.junit.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

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
}
