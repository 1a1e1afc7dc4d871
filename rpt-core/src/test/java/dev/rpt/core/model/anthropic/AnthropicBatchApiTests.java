package dev.rpt.core.model.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.JsonSchema;
import dev.rpt.chat.ResponseFormat;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.BatchApi;
import dev.rpt.core.model.BatchApi.Outcome;
import dev.rpt.core.model.BatchUnsupportedException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Anthropic's Message Batches byte for byte against MockWebServer, with the documented Message Batch object and
 * results lines: a submission, a batch in progress, an ended one with a succeeded, an errored and an expired request,
 * and a server without the endpoint.
 */
class AnthropicBatchApiTests {

    private static final String SCHEMA =
            "{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"string\"}}," + "\"required\":[\"answer\"]}";

    private final AnthropicServer anthropic = new AnthropicServer();

    @AfterEach
    void stop() throws Exception {
        anthropic.close();
    }

    private BatchApi api() {
        return api(Map.of());
    }

    private BatchApi api(Map<String, String> settings) {
        return new AnthropicProvider()
                .batchApi(
                        anthropic.settings(),
                        RptConfig.of(settings),
                        name -> name.equals("ANTHROPIC_API_KEY") ? AnthropicServer.FAKE_KEY : null)
                .orElseThrow();
    }

    private static ChatRequest request(String question) {
        return ChatRequest.builder().user(question).maxTokens(256).build();
    }

    private static ChatRequest structured() {
        return ChatRequest.builder()
                .user("What is 9 + 9?")
                .maxTokens(256)
                .responseFormat(new ResponseFormat("target_answer", new JsonSchema(SCHEMA), true))
                .build();
    }

    @Test
    void submitsEveryRequestWithItsCustomIdAndTheDirectCallsParams() throws Exception {
        anthropic.enqueueResource("batch/batch-in-progress.json");

        String id = api().submit(
                        List.of(
                                new BatchApi.Item("k1", request("What is 9 + 9?")),
                                new BatchApi.Item("k2", request("Hi"))),
                        "tag-1");

        assertThat(id).isEqualTo("msgbatch_013Zva2CMHLNnXjNJJKqJ2EF");
        assertThat(api().findsSubmissions())
                .as("Message Batches keep no metadata: the tag is not sent (the body below is exact)")
                .isFalse();
        RecordedRequest sent = anthropic.take();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/messages/batches");
        assertThat(sent.getHeaders().get("x-api-key")).isEqualTo(AnthropicServer.FAKE_KEY);
        assertThat(sent.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(sent.getBody().utf8())
                .isEqualTo("{\"requests\":["
                        + "{\"custom_id\":\"k1\",\"params\":{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":256,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"What is 9 + 9?\"}]}},"
                        + "{\"custom_id\":\"k2\",\"params\":{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":256,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}}]}");
    }

    @Test
    void aBatchInProgressIsNotEnded() throws Exception {
        anthropic.enqueueResource("batch/batch-in-progress.json");

        BatchApi.Status status = api().status("msgbatch_013Zva2CMHLNnXjNJJKqJ2EF");

        assertThat(anthropic.take().getUrl().encodedPath())
                .isEqualTo("/v1/messages/batches/msgbatch_013Zva2CMHLNnXjNJJKqJ2EF");
        assertThat(status)
                .isEqualTo(new BatchApi.Status(
                        "msgbatch_013Zva2CMHLNnXjNJJKqJ2EF",
                        "in_progress",
                        false,
                        3,
                        0,
                        0,
                        Optional.empty(),
                        List.of()));
    }

    @Test
    void anEndedBatchAnswersWhatSucceededAndGivesTheReasonForTheRest() throws Exception {
        String resultsUrl = anthropic
                .server
                .url("/v1/messages/batches/msgbatch_013Zva2CMHLNnXjNJJKqJ2EF/results")
                .toString();
        anthropic.enqueue(
                200, AnthropicServer.resource("batch/batch-ended.json").replace("RESULTS_URL", resultsUrl));
        anthropic.enqueue(200, AnthropicServer.resource("batch/results.jsonl"));
        // The results hold the forced format tool's call: the batch was sent with structured-output=tool.
        BatchApi api = api(Map.of("rpt.anthropic.structured-output", "tool"));

        BatchApi.Status status = api.status("msgbatch_013Zva2CMHLNnXjNJJKqJ2EF");
        Map<String, Outcome> results = api.results(status, Map.of("k1", structured()));

        assertThat(status.ended()).isTrue();
        assertThat(status.total()).isEqualTo(3);
        assertThat(status.succeeded()).isEqualTo(1);
        assertThat(status.failed()).isEqualTo(2);
        anthropic.take();
        RecordedRequest fetched = anthropic.take();
        assertThat(fetched.getUrl().toString()).isEqualTo(resultsUrl);
        assertThat(fetched.getHeaders().get("x-api-key")).isEqualTo(AnthropicServer.FAKE_KEY);
        // The forced format tool of the request is read as the answer, as in a direct call.
        assertThat(((Outcome.Answered) results.get("k1")).response().text())
                .isEqualTo("{\"answer\":\"18\",\"confidence\":0.9,\"justification\":\"9 + 9 = 18\"}");
        assertThat(((Outcome.Unanswered) results.get("k2")).reason())
                .isEqualTo("invalid_request_error: max_tokens: Field required");
        assertThat(((Outcome.Unanswered) results.get("k3")).reason())
                .isEqualTo("expired: the batch did not process it within its 24 hours");
    }

    @Test
    void aServerWithoutMessageBatchesIsUnsupported() {
        anthropic.enqueue(
                404, "{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"Not found\"}}");

        assertThatThrownBy(() -> api().submit(List.of(new BatchApi.Item("k1", request("Hi"))), "tag-1"))
                .isInstanceOf(BatchUnsupportedException.class)
                .hasMessageContaining("/v1/messages/batches answered 404");
    }
}
