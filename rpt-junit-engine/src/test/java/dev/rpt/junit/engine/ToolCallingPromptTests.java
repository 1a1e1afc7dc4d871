package dev.rpt.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.api.Answer;
import dev.rpt.junit.engine.fixtures.OrderSupportTestCase;
import dev.rpt.junit.engine.fixtures.ToolBoundsTestCase;
import dev.rpt.junit.engine.fixtures.TrajectoryCriterionTestCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * A prompt that declares tools, tested end to end over a loopback OpenAI server: the prompt file's tools go out in
 * the request, the reply's tool calls are the answer (not a format error), the assertions read them with their
 * arguments parsed, and a case that stubs its tools runs on to the assistant's final reply.
 */
class ToolCallingPromptTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reportDir;

    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    @Test
    void theDeclaredToolsGoOutAndTheCallsAreTheAnswer() throws Exception {
        EngineExecutionResults results = run("looksTheOrderUp");

        assertThat(requests).hasSize(3);
        JsonNode sent = requests.get(0);
        assertThat(sent.at("/tools/0/function/name").asText()).isEqualTo("lookup_order");
        assertThat(sent.at("/tools/0/function/strict").asBoolean()).isTrue();
        assertThat(sent.at("/tools/1/function/parameters/required").toString()).isEqualTo("[\"order_id\",\"amount\"]");
        assertThat(sent.path("tool_choice").asText()).isEqualTo("auto");
        assertThat(sent.path("parallel_tool_calls").asBoolean(true)).isFalse();
        assertThat(sent.has("response_format"))
                .as("an assistant's reply is read as text")
                .isFalse();

        assertThat(results.testEvents().succeeded().count()).isEqualTo(2);
        Event failed = results.testEvents().failed().list().get(0);
        assertThat(failed.getTestDescriptor().getDisplayName()).contains("where-is-b7");
        assertThat(message(failed))
                .isEqualTo("Expected a call of tool lookup_order with arguments holding {\"order_id\":\"B7\"}, but"
                        + " the model called lookup_order {\"order_id\":\"B9\"} with no stated confidence.");
        JsonNode report = JSON.readTree(reportDir.resolve("last-run.json").toFile());
        for (JsonNode c : report.get("cases")) {
            assertThat(c.path("formatError").asBoolean())
                    .as("a reply that calls tools is no format error")
                    .isFalse();
        }
        // Scored against each case's expected-tools column: B7 called the right tool with the wrong id.
        assertThat(caseNamed(report, "where-is-a1").at("/tools/selection").asBoolean())
                .isTrue();
        assertThat(caseNamed(report, "where-is-a1").at("/tools/arguments").asBoolean())
                .isTrue();
        assertThat(caseNamed(report, "where-is-b7").at("/tools/selection").asBoolean())
                .isTrue();
        assertThat(caseNamed(report, "where-is-b7").at("/tools/arguments").asBoolean())
                .isFalse();
        assertThat(caseNamed(report, "where-is-b7")
                        .at("/tools/steps/0/calls/0/arguments")
                        .asText())
                .isEqualTo("{\"order_id\":\"B9\"}");
        assertThat(caseNamed(report, "thanks").at("/tools/selection").asBoolean())
                .as("[] expects no call, and none was made")
                .isTrue();
        assertThat(caseNamed(report, "thanks").path("tools").has("arguments")).isFalse();
        JsonNode tools = report.at("/classes/0/tools");
        assertThat(tools.path("answers").asInt()).isEqualTo(3);
        assertThat(tools.path("selection").asDouble()).isEqualTo(1.0);
        assertThat(tools.path("selectionScored").asInt()).isEqualTo(3);
        assertThat(tools.path("arguments").asDouble()).isEqualTo(0.5);
        assertThat(tools.path("argumentsScored").asInt()).isEqualTo(2);
        assertThat(tools.path("argumentsCi")).hasSize(2);
        assertThat(tools.path("meanSteps").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aCaseThatStubsItsToolsRunsOnToTheFinalReply() throws Exception {
        EngineExecutionResults results = run("answersWithTheStatus");

        assertThat(results.testEvents().failed().list())
                .extracting(ToolCallingPromptTests::message)
                .isEmpty();
        assertThat(results.testEvents().succeeded().count()).isEqualTo(2);
        // Two turns per case: the lookup, then the reply with the stubbed result in the conversation.
        assertThat(requests).hasSize(4);
        JsonNode secondTurn = requests.stream()
                .filter(r ->
                        r.toString().contains("order A1") && r.path("messages").size() == 4)
                .findFirst()
                .orElseThrow();
        assertThat(secondTurn.at("/messages/2/tool_calls/0/function/name").asText())
                .isEqualTo("lookup_order");
        assertThat(secondTurn.at("/messages/3/role").asText()).isEqualTo("tool");
        assertThat(secondTurn.at("/messages/3/content").asText())
                .isEqualTo("{\"status\":\"shipped\",\"carrier\":\"DHL\"}");
        // C3 has no stub that matches: the model sees an error result that says so.
        JsonNode unmatched = requests.stream()
                .filter(r ->
                        r.toString().contains("order C3") && r.path("messages").size() == 4)
                .findFirst()
                .orElseThrow();
        assertThat(unmatched.at("/messages/3/content").asText())
                .startsWith("rpt: no stubbed result for lookup_order with the arguments {\"order_id\":\"C3\"}");
        // The report keeps each trajectory: the lookup with the result it got, then the reply.
        JsonNode report = JSON.readTree(reportDir.resolve("last-run.json").toFile());
        JsonNode c3 = caseNamed(report, "status-of-c3").path("tools");
        assertThat(c3.path("steps")).hasSize(2);
        assertThat(c3.at("/steps/0/calls/0/name").asText()).isEqualTo("lookup_order");
        assertThat(c3.at("/steps/0/results/0/error").asBoolean()).isTrue();
        assertThat(c3.at("/steps/1/text").asText()).isEqualTo("Sorry, I could not find that order.");
        assertThat(caseNamed(report, "status-of-a1")
                        .at("/tools/steps/0/results/0/content")
                        .asText())
                .isEqualTo("{\"status\":\"shipped\",\"carrier\":\"DHL\"}");
        assertThat(report.at("/classes/0/tools/meanSteps").asDouble()).isEqualTo(2.0);
        assertThat(report.at("/classes/0/tools").has("selection"))
                .as("no case states its expected tools")
                .isFalse();
    }

    private static JsonNode caseNamed(JsonNode report, String id) {
        for (JsonNode c : report.get("cases")) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no case " + id + " in the report");
    }

    @Test
    void aClassFailsWhenItsToolUseIsBelowItsThresholds() throws Exception {
        EngineExecutionResults results = run(selectClass(ToolBoundsTestCase.class));

        Event thresholds = results.testEvents().failed().list().stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().contains("thresholds"))
                .findFirst()
                .orElseThrow();
        assertThat(message(thresholds))
                .contains("tool arguments 0.500 [0.095, 0.905] over 2 scored answers is below"
                        + " @Thresholds(minToolArguments = 0.9)")
                .contains("tool selection 1.000 [0.439, 1.000] (≥ 0.900 ✓)");
        JsonNode verdict =
                JSON.readTree(reportDir.resolve("last-run.json").toFile()).at("/classes/0/verdict");
        assertThat(verdict.path("passed").asBoolean()).isFalse();
        assertThat(verdict.path("thresholds").toString())
                .contains("\"metric\":\"tool selection\"", "\"metric\":\"tool arguments\"");
        assertThat(JSON.readTree(reportDir.resolve("last-run.json").toFile())
                        .at("/classes/0/thresholds/minToolArguments")
                        .asDouble())
                .isEqualTo(0.9);
    }

    @Test
    void aCriterionCanBeJudgedOnTheWholeTrajectory() throws IOException {
        EngineExecutionResults results = EngineTestKit.engine("rpt")
                .configurationParameters(Map.of(
                        "rpt.provider", "sim",
                        "rpt.cache", "off",
                        "rpt.report.dir", reportDir.toString()))
                .selectors(selectClass(TrajectoryCriterionTestCase.class))
                .execute();

        assertThat(results.testEvents().failed().list())
                .extracting(ToolCallingPromptTests::message)
                .isEmpty();
        JsonNode a1 = caseNamed(JSON.readTree(reportDir.resolve("last-run.json").toFile()), "status-of-a1");
        JsonNode judgements = a1.path("judgements");
        assertThat(judgements.get(0).path("criterion").asText()).isEqualTo("looks-up-by-id");
        assertThat(judgements.get(0).path("met").asBoolean())
                .as("the lookup's arguments hold the id")
                .isTrue();
        assertThat(judgements.get(1).path("met").asBoolean())
                .as("the reply alone does not")
                .isFalse();
    }

    private EngineExecutionResults run(String method) throws IOException {
        return run(selectMethod(
                OrderSupportTestCase.class, method, Answer.class.getName() + ", " + String.class.getName()));
    }

    private EngineExecutionResults run(DiscoverySelector selector) throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    JsonNode body;
                    try {
                        body = JSON.readTree(request.getBody().utf8());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    requests.add(body);
                    return new MockResponse.Builder()
                            .addHeader("content-type", "application/json")
                            .body(reply(body))
                            .build();
                }
            });
            server.start();
            return EngineTestKit.engine("rpt")
                    .configurationParameters(Map.of(
                            "rpt.provider", "openai",
                            "rpt.model", "gpt-4.1-mini",
                            "rpt.base-url", server.url("/v1").toString(),
                            "rpt.api-key-env", "none",
                            "rpt.cache", "off",
                            "rpt.report.dir", reportDir.toString()))
                    .selectors(selector)
                    .execute();
        }
    }

    /**
     * A model that looks an order up when asked about it (but gets B7's id wrong), answers thanks in text, and, once a
     * lookup's result is back, tells the customer what it says.
     */
    private static String reply(JsonNode body) {
        JsonNode messages = body.path("messages");
        JsonNode last = messages.get(messages.size() - 1);
        if (last.path("role").asText().equals("tool")) {
            return text(
                    last.path("content").asText().contains("shipped")
                            ? "Your order has shipped."
                            : "Sorry, I could not find that order.");
        }
        String message = messages.get(1).path("content").asText();
        for (String order : List.of("A1", "C3")) {
            if (message.contains(order)) {
                return toolCall("{\"order_id\":\"" + order + "\"}");
            }
        }
        return message.contains("B7") ? toolCall("{\"order_id\":\"B9\"}") : text("You're welcome!");
    }

    private static String toolCall(String arguments) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1765100000,\"model\":\"gpt-4.1-mini\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":"
                + "[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"lookup_order\",\"arguments\":"
                + JSON.valueToTree(arguments) + "}}]},\"finish_reason\":\"tool_calls\"}],"
                + "\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":10,\"total_tokens\":60}}";
    }

    private static String text(String content) {
        return "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion\",\"created\":1765100000,\"model\":\"gpt-4.1-mini\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":5,"
                + "\"total_tokens\":45}}";
    }

    private static String message(Event event) {
        return event.getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage)
                .orElse("");
    }
}
