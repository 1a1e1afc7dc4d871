package dev.rpt.tools.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.api.ToolCall;
import dev.rpt.api.Usage;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordFormatsTests {

    @TempDir
    Path dir;

    @Test
    void theLayoutNamesEveryFileOfARecord() {
        RecordLayout layout = new RecordLayout(dir);

        assertThat(layout.summary()).isEqualTo(dir.resolve("summary.json"));
        assertThat(layout.iteration(3).directory()).isEqualTo(dir.resolve("iteration-03"));
        assertThat(layout.iteration(3).decision()).isEqualTo(dir.resolve("iteration-03/decision.json"));
        assertThat(layout.iteration(12).reportDirectory()).isEqualTo(dir.resolve("iteration-12/report"));
        assertThat(layout.finished()).isFalse();
    }

    @Test
    void aSummaryStatesItsVersionAndASummaryWithoutOneIsVersionOne() throws IOException {
        SummaryJson summary = new SummaryJson(
                SummaryJson.SCHEMA_VERSION,
                "max iterations",
                1,
                2,
                true,
                0.5,
                List.of(new SummaryJson.IterationJson(
                        1,
                        new SummaryJson.ScoresJson(
                                10,
                                OptionalDouble.of(0.5),
                                List.of(0.2, 0.8),
                                OptionalDouble.empty(),
                                OptionalDouble.of(0.25)),
                        new SummaryJson.ScoresJson(
                                0, OptionalDouble.empty(), null, OptionalDouble.empty(), OptionalDouble.empty()),
                        0.4,
                        List.of("value: expected the number"),
                        Optional.empty(),
                        Optional.empty())),
                new SummaryJson.UsageJson(4, 1, 900, OptionalDouble.empty()),
                Optional.empty(),
                Optional.empty());
        Path file = dir.resolve("summary.json");

        summary.write(file);

        assertThat(Files.readString(file)).startsWith("{\n  \"schemaVersion\" : 1,\n  \"stopReason\"");
        assertThat(Files.readString(file)).doesNotContain("\"accuracyCi\" : null");
        assertThat(SummaryJson.read(file)).isEqualTo(summary);
        Files.writeString(file, Files.readString(file).replace("\"schemaVersion\" : 1,", ""));
        assertThat(SummaryJson.read(file)).isEqualTo(summary);
        Files.writeString(file, "{\"schemaVersion\": 2}");
        assertThatThrownBy(() -> SummaryJson.read(file))
                .hasMessageContaining(file + " is not a tune summary this rpt can read: schemaVersion: is 2");
    }

    @Test
    void aDecisionKeepsOnlyTheSectionsThePatchChanged() throws IOException {
        DecisionJson decision = new DecisionJson(
                "PATCH", Optional.empty(), Optional.of("Answer with one number."), "one number", List.of("format: x"));
        Path file = dir.resolve("decision.json");

        decision.write(file);

        assertThat(Files.readString(file))
                .doesNotContain("system")
                .doesNotContain("toolDescriptions")
                .startsWith("{\n  \"schemaVersion\" : 1,");
        assertThat(DecisionJson.read(file)).isEqualTo(decision);
        Files.writeString(file, Files.readString(file).replace("\"schemaVersion\" : 1,", ""));
        assertThat(DecisionJson.read(file))
                .as("a decision written before the version")
                .isEqualTo(decision);
        Files.writeString(file, "{\"schemaVersion\": 2, \"decision\": \"PATCH\"}");
        assertThatThrownBy(() -> DecisionJson.read(file)).hasMessageContaining("schemaVersion: is 2");
    }

    @Test
    void aDecisionThatRewroteToolDescriptionsKeepsThemForAResume() throws IOException {
        DecisionJson decision = new DecisionJson(
                1,
                "PATCH",
                Optional.empty(),
                Optional.empty(),
                "describe the lookup",
                List.of("acted before looking up the order"),
                Optional.empty(),
                Optional.of(Map.of("lookup_order", "Look an order up before acting on it.")));
        Path file = dir.resolve("decision.json");

        decision.write(file);

        assertThat(Files.readString(file)).contains("\"toolDescriptions\" : {");
        assertThat(DecisionJson.read(file)).isEqualTo(decision);
    }

    @Test
    void aTranscriptLineIsOneLineOfJson() {
        ChatResponse response = new ChatResponse(
                "thinking",
                List.of(new ToolCall("c1", "evaluate_prompt", "{\"system\":\"x\"}")),
                null,
                FinishReason.TOOL_CALLS,
                new Usage(10, 5, 15),
                List.of(),
                "sim",
                false);

        String line = TranscriptLine.of(2, response).toJson();

        assertThat(line)
                .doesNotContain("\n")
                .isEqualTo("{\"iteration\":2,\"text\":\"thinking\",\"toolCalls\":[{\"id\":\"c1\",\"name\":"
                        + "\"evaluate_prompt\",\"arguments\":\"{\\\"system\\\":\\\"x\\\"}\"}],\"finishReason\":"
                        + "\"TOOL_CALLS\",\"usage\":{\"prompt\":10,\"completion\":5},\"model\":\"sim\"}");
    }
}
