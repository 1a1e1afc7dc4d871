package dev.rpt.tools.diagnose;

import static dev.rpt.assertions.RptAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.api.Answer;
import dev.rpt.chat.ChatRequest;
import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.eval.AnswerAssertionError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/** Builders for the tests' cases, metrics and critic replies. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    // Failures of the real assertions, so that the analysis is tested on what rpt-assertions records.
    private static final AnswerAssertionError SEVERAL_ERROR = assertionFailure(
            () -> assertThat(Answer.ofText("3 apples and 18 pears").withConfidence(0.90))
                    .isNumericallyEqualTo("18"));
    private static final AnswerAssertionError WRONG_ERROR = assertionFailure(
            () -> assertThat(Answer.ofText("17").withConfidence(0.95)).isNumericallyEqualTo("18"));

    static final String SEVERAL = SEVERAL_ERROR.getMessage();
    static final String WRONG = WRONG_ERROR.getMessage();

    private Fixtures() {}

    /**
     * A failed case with the given message; when the message is one of the real assertions' above, the case carries
     * their structured parts too, as a run report records them.
     */
    static FailedCase failure(String id, String kind, String message) {
        Optional<AnswerAssertionError> real = Stream.of(SEVERAL_ERROR, WRONG_ERROR)
                .filter(error -> error.getMessage().equals(message))
                .findFirst();
        return new FailedCase(
                id,
                Map.of("question", "question of " + id),
                "answer of " + id,
                OptionalDouble.of(0.9),
                Optional.of("because"),
                kind,
                message,
                real.flatMap(AnswerAssertionError::expected),
                real.flatMap(AnswerAssertionError::problem));
    }

    /** The failed case a run records when {@code assertion}, one of rpt's assertions, fails. */
    static FailedCase asserted(String id, Runnable assertion) {
        AnswerAssertionError error = assertionFailure(assertion);
        return new FailedCase(
                id,
                Map.of("question", "question of " + id),
                error.actual().orElse(""),
                error.confidence(),
                Optional.empty(),
                error.kind().id(),
                error.getMessage(),
                error.expected(),
                error.problem());
    }

    private static AnswerAssertionError assertionFailure(Runnable assertion) {
        try {
            assertion.run();
        } catch (AnswerAssertionError failure) {
            return failure;
        }
        throw new IllegalStateException("the assertion passed");
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
