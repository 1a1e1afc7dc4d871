package dev.rpt.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.junit.engine.fixtures.OrderSupportTestCase;
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
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * A prompt that declares tools, tested on the calls it makes, end to end over a loopback OpenAI server: the prompt
 * file's tools go out in the request, the reply's tool calls are the answer (not a format error), and the assertions
 * read them with their arguments parsed.
 */
class ToolCallingPromptTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reportDir;

    @Test
    void theDeclaredToolsGoOutAndTheCallsAreTheAnswer() throws Exception {
        List<JsonNode> requests = new CopyOnWriteArrayList<>();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    JsonNode body;
                    try {
                        body = JSON.readTree(request.getBody().utf8());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    requests.add(body);
                    String message = body.at("/messages/1/content").asText();
                    // A model that looks up A1 when asked about it, but gets B7's id wrong, and answers thanks in text.
                    String reply = message.contains("A1")
                            ? toolCall("{\"order_id\":\"A1\"}")
                            : message.contains("B7") ? toolCall("{\"order_id\":\"B9\"}") : text("You're welcome!");
                    return new MockResponse.Builder()
                            .addHeader("content-type", "application/json")
                            .body(reply)
                            .build();
                }
            });
            server.start();

            EngineExecutionResults results = EngineTestKit.engine("rpt")
                    .configurationParameters(Map.of(
                            "rpt.provider", "openai",
                            "rpt.model", "gpt-4.1-mini",
                            "rpt.base-url", server.url("/v1").toString(),
                            "rpt.api-key-env", "none",
                            "rpt.cache", "off",
                            "rpt.report.dir", reportDir.toString()))
                    .selectors(selectClass(OrderSupportTestCase.class))
                    .execute();

            assertThat(requests).hasSize(3);
            JsonNode sent = requests.get(0);
            assertThat(sent.at("/tools/0/function/name").asText()).isEqualTo("lookup_order");
            assertThat(sent.at("/tools/0/function/strict").asBoolean()).isTrue();
            assertThat(sent.at("/tools/1/function/parameters/required").toString())
                    .isEqualTo("[\"order_id\",\"amount\"]");
            assertThat(sent.path("tool_choice").asText()).isEqualTo("auto");
            assertThat(sent.path("parallel_tool_calls").asBoolean(true)).isFalse();

            assertThat(results.testEvents().succeeded().count()).isEqualTo(2);
            Event failed = results.testEvents().failed().list().get(0);
            assertThat(failed.getTestDescriptor().getDisplayName()).contains("where-is-b7");
            assertThat(failed.getPayload(TestExecutionResult.class)
                            .flatMap(TestExecutionResult::getThrowable)
                            .orElseThrow()
                            .getMessage())
                    .isEqualTo("Expected a call of tool lookup_order with arguments holding {\"order_id\":\"B7\"}, but"
                            + " the model called lookup_order {\"order_id\":\"B9\"} with no stated confidence.");
            JsonNode report = JSON.readTree(reportDir.resolve("last-run.json").toFile());
            for (JsonNode c : report.get("cases")) {
                assertThat(c.path("formatError").asBoolean())
                        .as("a reply that calls tools is not a format error")
                        .isFalse();
            }
        }
    }

    private static String toolCall(String arguments) throws IllegalStateException {
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
}
