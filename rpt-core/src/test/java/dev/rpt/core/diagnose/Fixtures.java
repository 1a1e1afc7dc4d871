package dev.rpt.core.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.chat.ChatRequest;
import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Builders for the tests' cases, metrics and critic replies. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String SEVERAL = "Expected the number 18, but the answer holds several numbers [3, 18], but the model"
            + " answered \"3 apples and 18 pears\" with confidence 0.90.";
    static final String WRONG = "Expected the number 18, but the model answered \"17\" with confidence 0.95.";

    private Fixtures() {}

    static FailedCase failure(String id, String kind, String message) {
        return new FailedCase(
                id,
                Map.of("question", "question of " + id),
                "answer of " + id,
                OptionalDouble.of(0.9),
                Optional.of("because"),
                kind,
                message);
    }

    /** Metrics of {@code correct} passed and {@code n - correct} failed cases, all with the given confidence. */
    static Metrics metrics(int n, int correct, double confidence) {
        List<CaseOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            outcomes.add(i < correct ? CaseOutcome.passed(confidence) : CaseOutcome.failed(confidence));
        }
        return Metrics.of(outcomes);
    }

    static String critique(String... labels) {
        StringBuilder modes = new StringBuilder();
        for (String label : labels) {
            modes.append(modes.isEmpty() ? "" : ",")
                    .append("{\"label\":\"")
                    .append(label)
                    .append("\",\"definition\":\"def of ")
                    .append(label)
                    .append("\",\"why\":\"w\",\"basis\":\"b\"}");
        }
        return "{\"modes\":[" + modes + "]}";
    }

    static JsonNode userJson(ChatRequest request) {
        try {
            return JSON.readTree(request.messages().get(1).content());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String caseId(ChatRequest request) {
        return userJson(request).path("case").path("id").asText();
    }

    static FailureMode mode(String label, int count, int failed) {
        return new FailureMode(label, "def", count, (double) count / failed, List.of());
    }
}
