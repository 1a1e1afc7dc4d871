package dev.rpt.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.junit.engine.fixtures.BbhArithmeticTestCase;
import dev.rpt.junit.engine.fixtures.BbhDateUnderstandingTestCase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * BIG-Bench Hard chain-of-thought prompts, tested through the real {@code openai} provider with hand-written replies
 * in the style of real ones ("... So the answer is (E).", a number that starts with the target, a lost sign, a missing
 * final period, an answer never stated, "so the answer is (b)."), score exactly as the benchmark's rule does. The rule
 * is reimplemented independently below, from the published evaluation code, not from rpt's.
 */
class BbhScoringTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reportDir;

    private final MockWebServer server = new MockWebServer();
    private final Map<String, String> replies = new HashMap<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        for (String file : List.of("bbh-date-understanding-cot.jsonl", "bbh-multistep-arithmetic-cot.jsonl")) {
            for (JsonNode row : rows(file)) {
                replies.put(row.get("input").asText(), row.get("reply").asText());
            }
        }
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return reply(request);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"date", "arithmetic"})
    void aChainOfThoughtPromptScoresExactlyAsTheBenchmarksRule(String task) throws IOException {
        Class<?> testClass = task.equals("date") ? BbhDateUnderstandingTestCase.class : BbhArithmeticTestCase.class;
        String file = task.equals("date") ? "bbh-date-understanding-cot.jsonl" : "bbh-multistep-arithmetic-cot.jsonl";

        JsonNode report = run(testClass);
        Map<String, String> outcomes = new HashMap<>();
        for (JsonNode c : report.get("cases")) {
            outcomes.put(c.get("id").asText(), c.get("outcome").asText());
        }
        Map<String, String> expected = new HashMap<>();
        for (JsonNode row : rows(file)) {
            boolean correct = BenchmarkRule.isCorrect(
                    row.get("reply").asText(), row.get("target").asText());
            expected.put(row.get("id").asText(), correct ? "passed" : "failed");
        }
        assertThat(outcomes).isEqualTo(expected);
        assertThat(expected).containsValues("passed", "failed");
        // A prompt that declares text output asks for no structure.
        assertThat(requests)
                .isNotEmpty()
                .allSatisfy(body -> assertThat(body.has("response_format")).isFalse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-final-period", "never-stated"})
    void aReplyThatDoesNotStateItsAnswerIsAFormatFailureThatKeepsTheRawReply(String id) throws IOException {
        JsonNode report = run(BbhDateUnderstandingTestCase.class);
        JsonNode unstated = null;
        JsonNode wrong = null;
        for (JsonNode c : report.get("cases")) {
            if (c.get("id").asText().equals(id)) {
                unstated = c;
            } else if (c.get("id").asText().equals("wrong-option")) {
                wrong = c;
            }
        }
        assertThat(unstated).isNotNull();
        assertThat(unstated.at("/failure/kind").asText()).isEqualTo("format");
        assertThat(unstated.at("/formatError").asBoolean()).isTrue();
        assertThat(unstated.at("/answer").asText()).isEmpty();
        assertThat(wrong.at("/failure/kind").asText()).isEqualTo("value");
        assertThat(wrong.at("/answer").asText()).isEqualTo("(E)");
    }

    /**
     * The benchmark's scoring rule, as the chain-of-thought evaluation of allenai/open-instruct
     * ({@code eval/bbh/run_eval.py}) implements it: the first match of {@code [t|T]he answer is (.*?)\.} in the
     * output, stripped, or the whole output stripped when there is none; then exact match with the target, ignoring
     * case.
     */
    static final class BenchmarkRule {

        private static final Pattern EXTRACT = Pattern.compile("[t|T]he answer is (.*?)\\.");

        static boolean isCorrect(String output, String target) {
            Matcher found = EXTRACT.matcher(output);
            String prediction = found.find() ? found.group(1).strip() : output.strip();
            return prediction.toLowerCase(Locale.ROOT).equals(target.toLowerCase(Locale.ROOT));
        }
    }

    /** Runs a test class through the real openai provider against the fake server; returns its run report. */
    private JsonNode run(Class<?> testClass) throws IOException {
        EngineTestKit.engine("rpt")
                .configurationParameters(Map.of(
                        "rpt.provider", "openai",
                        "rpt.model", "gpt-4.1-mini",
                        "rpt.base-url", server.url("/v1").toString(),
                        "rpt.api-key-env", "none",
                        "rpt.cache", "off",
                        "rpt.retry.max-attempts", "1",
                        "rpt.report.dir", reportDir.toString()))
                .selectors(selectClass(testClass))
                .execute();
        return JSON.readTree(reportDir.resolve("last-run.json").toFile());
    }

    private MockResponse reply(RecordedRequest request) {
        try {
            JsonNode body = JSON.readTree(request.getBody().utf8());
            requests.add(body);
            String user = body.at("/messages/1/content").asText();
            String question = user.substring(user.lastIndexOf("\nQ: ") + 4, user.lastIndexOf("\nA: "));
            return ChatCompletions.text(replies.getOrDefault(question, "I do not know."));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> rows(String file) throws IOException {
        try (InputStream in = BbhScoringTests.class.getClassLoader().getResourceAsStream("cases/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("//"))
                    .map(line -> {
                        try {
                            return JSON.readTree(line);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        }
    }
}
