package dev.rpt.tools.diagnose;

import static dev.rpt.tools.diagnose.Fixtures.WRONG;
import static dev.rpt.tools.diagnose.Fixtures.caseId;
import static dev.rpt.tools.diagnose.Fixtures.critique;
import static dev.rpt.tools.diagnose.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ServerErrorException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CriticAnalyzerTests {

    private static final String CONTRACT_SCHEMA = "{\"type\":\"object\",\"properties\":{\"modes\":{\"type\":\"array\","
            + "\"items\":{\"type\":\"object\",\"properties\":{\"label\":{\"type\":\"string\"},\"definition\":{\"type\":"
            + "\"string\"},\"why\":{\"type\":\"string\"},\"basis\":{\"type\":\"string\"}},\"required\":[\"label\","
            + "\"definition\",\"why\",\"basis\"],\"additionalProperties\":false}}},\"required\":[\"modes\"],"
            + "\"additionalProperties\":false}";

    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void critiqueRequestFollowsTheContract() throws Exception {
        ScriptedChatModel critic = new ScriptedChatModel(r -> critique("wrong final number"));
        FailedCase failure = new FailedCase(
                "gsm-03",
                Map.of("question", "How many apples?"),
                "17",
                OptionalDouble.of(0.95),
                Optional.of("I added them"),
                "value",
                WRONG);

        new CriticAnalyzer(critic, Optional.empty(), executor, 40).analyze("SYSTEM TEXT\nUSER TEXT", List.of(failure));

        ChatRequest request = critic.requestsNamed("failure_critique").get(0);
        assertThat(request.responseFormat().strict()).isTrue();
        assertThat(Fixtures.JSON.readTree(request.responseFormat().schema().json()))
                .isEqualTo(Fixtures.JSON.readTree(CONTRACT_SCHEMA));
        assertThat(request.messages()).hasSize(2);
        assertThat(request.messages().get(0).content()).contains("1 to 3", "2 to 6 words", "definition", "basis");
        assertThat(request.temperature()).isEqualTo(0.0);
        JsonNode user = Fixtures.userJson(request);
        assertThat(user.path("task").asText()).isEqualTo("SYSTEM TEXT\nUSER TEXT");
        JsonNode json = user.path("case");
        assertThat(json.path("id").asText()).isEqualTo("gsm-03");
        assertThat(json.path("vars").path("question").asText()).isEqualTo("How many apples?");
        assertThat(json.path("answer").asText()).isEqualTo("17");
        assertThat(json.path("confidence").asDouble()).isEqualTo(0.95);
        assertThat(json.path("justification").asText()).isEqualTo("I added them");
        assertThat(json.path("failure").path("kind").asText()).isEqualTo("value");
        assertThat(json.path("failure").path("message").asText()).isEqualTo(WRONG);
        assertThat(user.size()).isEqualTo(2);
    }

    @Test
    void critiquesAreCappedStratifiedAndRunInParallel() {
        CountDownLatch allStarted = new CountDownLatch(4);
        AtomicBoolean overlapped = new AtomicBoolean(true);
        ScriptedChatModel critic = new ScriptedChatModel(request -> {
            if (request.responseFormat().name().equals("failure_critique")) {
                allStarted.countDown();
                try {
                    // Only reachable when four critiques are in flight at once.
                    if (!allStarted.await(5, TimeUnit.SECONDS)) {
                        overlapped.set(false);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return critique(caseId(request).startsWith("f") ? "several numbers given" : "wrong final number");
            }
            return "not json";
        });
        List<FailedCase> failures = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            failures.add(failure("v" + i, "value", WRONG));
        }
        for (int i = 0; i < 10; i++) {
            failures.add(failure("f" + i, "format", Fixtures.SEVERAL));
        }

        FailureAnalysis analysis = new CriticAnalyzer(critic, Optional.empty(), executor, 10).analyze("task", failures);

        List<String> critiqued = critic.requestsNamed("failure_critique").stream()
                .map(Fixtures::caseId)
                .toList();
        assertThat(critiqued).hasSize(10).doesNotHaveDuplicates();
        assertThat(critiqued.stream().filter(id -> id.startsWith("f"))).hasSize(1);
        assertThat(overlapped).isTrue();
        assertThat(analysis.critiqued()).isEqualTo(10);
        // Uncritiqued cases take the mode of critiqued cases with the same deterministic label.
        assertThat(analysis.modes())
                .extracting(FailureMode::label, FailureMode::count)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("wrong final number", 90),
                        org.assertj.core.groups.Tuple.tuple("several numbers given", 10));
        assertThat(analysis.modes().get(0).examples()).allMatch(critiqued::contains);
    }

    @Test
    void theSampleIsTheSameOnEveryRun() {
        List<FailedCase> failures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            failures.add(failure("c" + i, i % 3 == 0 ? "format" : "value", WRONG));
        }
        List<List<String>> samples = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            ScriptedChatModel critic = new ScriptedChatModel(r -> critique("wrong final number"));
            new CriticAnalyzer(critic, Optional.empty(), executor, 7).analyze("task", failures);
            samples.add(critic.requestsNamed("failure_critique").stream()
                    .map(Fixtures::caseId)
                    .sorted()
                    .toList());
        }
        assertThat(samples.get(0)).hasSize(7).isEqualTo(samples.get(1));
    }

    @Test
    void badCriticRepliesFallBackToTheDeterministicLabel() {
        ScriptedChatModel critic = new ScriptedChatModel(request -> {
            if (!request.responseFormat().name().equals("failure_critique")) {
                return "{\"groups\": []}";
            }
            return switch (caseId(request)) {
                case "a" -> "this is not JSON";
                case "b" -> "{\"modes\": []}";
                case "c" -> throw new ServerErrorException(503, "overloaded", Duration.ZERO);
                case "d" -> "{\"modes\": [{\"label\": \"\"}]}";
                default -> critique("ignores the unit");
            };
        });
        List<FailedCase> failures = List.of(
                failure("a", "value", WRONG),
                failure("b", "value", WRONG),
                failure("c", "value", WRONG),
                failure("d", "value", WRONG),
                failure("e", "value", WRONG));

        FailureAnalysis analysis = new CriticAnalyzer(critic, Optional.empty(), executor, 40).analyze("task", failures);

        assertThat(analysis.criticFailures()).isEqualTo(4);
        assertThat(analysis.grouping()).isEqualTo(Grouping.EXACT);
        assertThat(analysis.modes())
                .extracting(FailureMode::label, FailureMode::count, FailureMode::examples)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("value: expected the number", 4, List.of("a", "b", "c")),
                        org.assertj.core.groups.Tuple.tuple("ignores the unit", 1, List.of("e")));
    }

    @Test
    void aRejectingExecutorCostsOnlyTheCritiques() {
        ExecutorService closed = Executors.newSingleThreadExecutor();
        closed.shutdown();
        ScriptedChatModel critic = new ScriptedChatModel(r -> "{\"groups\": []}");

        FailureAnalysis analysis = new CriticAnalyzer(critic, Optional.empty(), closed, 40)
                .analyze("task", List.of(failure("a", "format", Fixtures.SEVERAL)));

        assertThat(analysis.criticFailures()).isEqualTo(1);
        assertThat(analysis.modes())
                .extracting(FailureMode::label)
                .containsExactly("format: answer holds several numbers");
    }

    @Test
    void overlongCriticLabelsKeepTheirFirstSixWordsAndAtMostThreeModes() {
        List<CritiqueMode> modes = Critic.parse(
                critique("one two three four five six seven eight", "second mode", "third mode", "fourth mode"));
        assertThat(modes)
                .extracting(CritiqueMode::label)
                .containsExactly("one two three four five six", "second mode", "third mode");
    }

    @Test
    void duplicateCaseIdsAreRejectedWithTheId() {
        ScriptedChatModel critic = new ScriptedChatModel(r -> critique("x y"));
        CriticAnalyzer analyzer = new CriticAnalyzer(critic, Optional.empty(), executor, 40);
        List<FailedCase> failures = List.of(failure("same", "value", WRONG), failure("same", "value", WRONG));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> analyzer.analyze("task", failures))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'same'");
    }
}
