package dev.rpt.tools.diagnose;

import static dev.rpt.tools.diagnose.Fixtures.SEVERAL;
import static dev.rpt.tools.diagnose.Fixtures.asserted;
import static dev.rpt.tools.diagnose.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.api.Answer;
import dev.rpt.assertions.RptAssertions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InspectFailuresTests {

    private static FailureAnalysis analysis() {
        List<FailedCase> failures = new ArrayList<>();
        failures.add(asserted(
                "gsm-1", () -> RptAssertions.assertThat(Answer.ofText("17")).isNumericallyEqualTo("18")));
        for (int i = 2; i <= 30; i++) {
            failures.add(failure("gsm-" + i, "format", SEVERAL));
        }
        return new DeterministicAnalyzer().analyze("task", failures);
    }

    @Test
    void returnsUpToLimitTracesOfTheMode() throws Exception {
        JsonNode json = Fixtures.JSON.readTree(analysis().inspect("format: answer holds several numbers", 2));

        assertThat(json.path("mode").asText()).isEqualTo("format: answer holds several numbers");
        assertThat(json.path("traces")).hasSize(2);
        JsonNode trace = json.path("traces").get(0);
        assertThat(trace.path("id").asText()).isEqualTo("gsm-2");
        assertThat(trace.path("vars").path("question").asText()).isEqualTo("question of gsm-2");
        assertThat(trace.path("answer").asText()).isEqualTo("answer of gsm-2");
        assertThat(trace.path("confidence").asDouble()).isEqualTo(0.9);
        assertThat(trace.path("justification").asText()).isEqualTo("because");
        assertThat(trace.path("failure").path("kind").asText()).isEqualTo("format");
        assertThat(trace.path("failure").path("message").asText()).isEqualTo(SEVERAL);
    }

    @Test
    void matchesTheLabelLooselyAndWritesMissingValuesAsNull() throws Exception {
        JsonNode json = Fixtures.JSON.readTree(analysis().inspect("  Value: expected the NUMBER. ", 5));

        assertThat(json.path("mode").asText()).isEqualTo("value: expected the number");
        JsonNode trace = json.path("traces").get(0);
        assertThat(trace.path("confidence").isNull()).isTrue();
        assertThat(trace.path("justification").isNull()).isTrue();
    }

    @Test
    void capsTheTracesAtTwenty() throws Exception {
        JsonNode json = Fixtures.JSON.readTree(analysis().inspect("format: answer holds several numbers", 500));
        assertThat(json.path("traces")).hasSize(20);
    }

    @Test
    void anUnknownModeNamesTheKnownOnes() {
        assertThatThrownBy(() -> analysis().inspect("made up", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'made up'")
                .hasMessageContaining("format: answer holds several numbers");
    }
}
