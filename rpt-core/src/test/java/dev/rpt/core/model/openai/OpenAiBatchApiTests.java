package dev.rpt.core.model.openai;

import static dev.rpt.core.model.openai.OpenAiFixtures.ENVIRONMENT;
import static dev.rpt.core.model.openai.OpenAiFixtures.KEY;
import static dev.rpt.core.model.openai.OpenAiFixtures.body;
import static dev.rpt.core.model.openai.OpenAiFixtures.json;
import static dev.rpt.core.model.openai.OpenAiFixtures.ok;
import static dev.rpt.core.model.openai.OpenAiFixtures.resource;
import static dev.rpt.core.model.openai.OpenAiFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.BatchApi;
import dev.rpt.core.model.BatchApi.Outcome;
import dev.rpt.core.model.BatchUnsupportedException;
import dev.rpt.core.model.ModelSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OpenAI's Batch API byte for byte against MockWebServer, with the documented shapes of the Files and Batch objects
 * and of the output and error files: a submission with its tag, finding a batch by that tag, a batch in progress, a
 * partly failed one, an expired one, one that failed validation, and a server without the endpoints.
 */
class OpenAiBatchApiTests {

    private static final String DIRECT_BODY =
            "{\"model\":\"gpt-4.1-mini\",\"messages\":[{\"role\":\"user\",\"content\":"
                    + "\"What is 9 + 9?\"}],\"temperature\":0.0,\"max_completion_tokens\":256}";

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private BatchApi api() {
        return new OpenAiProvider()
                .batchApi(settings(server), RptConfig.of(Map.of()), ENVIRONMENT)
                .orElseThrow();
    }

    private static ChatRequest request() {
        return ChatRequest.builder()
                .user("What is 9 + 9?")
                .temperature(0.0)
                .maxTokens(256)
                .build();
    }

    @Test
    void submitsTheRequestsAsAJsonlFileAndCreatesABatchOverIt() throws Exception {
        server.enqueue(ok("batch/file-uploaded.json"));
        server.enqueue(ok("batch/batch-validating.json"));

        String id =
                api().submit(List.of(new BatchApi.Item("k1", request()), new BatchApi.Item("k2", request())), "tag-1");

        assertThat(id).isEqualTo("batch_abc123");
        RecordedRequest upload = server.takeRequest();
        assertThat(upload.getMethod()).isEqualTo("POST");
        assertThat(upload.getUrl().encodedPath()).isEqualTo("/v1/files");
        assertThat(upload.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(upload.getHeaders().get("Content-Type"))
                .isEqualTo("multipart/form-data; boundary=" + OpenAiTransport.BOUNDARY);
        String line1 = "{\"custom_id\":\"k1\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":"
                + DIRECT_BODY + "}";
        String line2 = line1.replace("\"k1\"", "\"k2\"");
        String boundary = "--" + OpenAiTransport.BOUNDARY;
        assertThat(body(upload))
                .isEqualTo(boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"purpose\"\r\n"
                        + "\r\n"
                        + "batch\r\n"
                        + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"rpt-batch.jsonl\"\r\n"
                        + "Content-Type: application/jsonl\r\n\r\n"
                        + line1 + "\n" + line2 + "\n\r\n"
                        + boundary + "--\r\n");
        RecordedRequest create = server.takeRequest();
        assertThat(create.getUrl().encodedPath()).isEqualTo("/v1/batches");
        assertThat(body(create))
                .isEqualTo("{\"input_file_id\":\"file-abc123\",\"endpoint\":\"/v1/chat/completions\","
                        + "\"completion_window\":\"24h\",\"metadata\":{\"rpt_submission\":\"tag-1\"}}");
    }

    @Test
    void findsABatchByItsSubmissionTagPagingThroughTheListNewestFirst() throws Exception {
        server.enqueue(ok("batch/batches-page-1.json"));
        server.enqueue(ok("batch/batches-page-2.json"));

        Optional<String> found = api().find("tag-1", Instant.ofEpochSecond(1730000000));

        assertThat(found).contains("batch_abc123");
        RecordedRequest first = server.takeRequest();
        assertThat(first.getMethod()).isEqualTo("GET");
        assertThat(first.getUrl().encodedPath()).isEqualTo("/v1/batches");
        assertThat(first.getUrl().encodedQuery()).isEqualTo("limit=100");
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(server.takeRequest().getUrl().encodedQuery()).isEqualTo("limit=100&after=batch_other");
    }

    @Test
    void findingStopsAtBatchesOlderThanTheSubmission() throws Exception {
        server.enqueue(ok("batch/batches-page-2.json"));

        // batch_abc123 carries tag-1, not tag-2; batch_older was created before the submission, so the search ends.
        assertThat(api().find("tag-2", Instant.ofEpochSecond(1730000000))).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(api().findsSubmissions()).isTrue();
    }

    @Test
    void onAzureOpenAiTheLinesAndTheBatchNameChatCompletionsWithoutAVersion() throws Exception {
        server.enqueue(ok("batch/file-uploaded.json"));
        server.enqueue(ok("batch/batch-validating.json"));
        BatchApi azure = new OpenAiProvider()
                .batchApi(settings(server).withAuthHeader("api-key"), RptConfig.of(Map.of()), ENVIRONMENT)
                .orElseThrow();

        azure.submit(List.of(new BatchApi.Item("k1", request())), "tag-1");

        RecordedRequest upload = server.takeRequest();
        assertThat(upload.getHeaders().get("api-key")).isEqualTo(KEY);
        assertThat(upload.getHeaders().get("Authorization")).isNull();
        assertThat(body(upload))
                .contains("{\"custom_id\":\"k1\",\"method\":\"POST\",\"url\":\"/chat/completions\",\"body\":"
                        + DIRECT_BODY + "}\n");
        assertThat(body(server.takeRequest()))
                .isEqualTo("{\"input_file_id\":\"file-abc123\",\"endpoint\":\"/chat/completions\","
                        + "\"completion_window\":\"24h\",\"metadata\":{\"rpt_submission\":\"tag-1\"}}");
    }

    @Test
    void theResponsesWireBatchesToV1ResponsesAndReadsItsRepliesAsResponses() throws Exception {
        // The batch's endpoint as openai-python types/batch_create_params.py lists it; each line's body is the direct
        // call's Responses body, and each answer in the output file a Responses reply.
        server.enqueue(ok("batch/file-uploaded.json"));
        server.enqueue(ok("batch/batch-validating.json"));
        server.enqueue(ok("batch/batch-completed-partly-failed.json"));
        server.enqueue(json(
                200,
                "{\"id\":\"batch_req_k1\",\"custom_id\":\"k1\",\"response\":{\"status_code\":200,\"request_id\":"
                        + "\"req_k1\",\"body\":"
                        + OpenAiFixtures.tree(OpenAiFixtures.resource("responses/completed-text.json"))
                        + "},\"error\":null}\n"));
        server.enqueue(json(200, ""));
        BatchApi responses = new OpenAiResponsesProvider()
                .batchApi(settings(server), RptConfig.of(Map.of()), ENVIRONMENT)
                .orElseThrow();

        responses.submit(List.of(new BatchApi.Item("k1", request())), "tag-1");
        Map<String, Outcome> results = responses.results(responses.status("batch_abc123"), Map.of());

        assertThat(body(server.takeRequest()))
                .contains("{\"custom_id\":\"k1\",\"method\":\"POST\",\"url\":\"/v1/responses\",\"body\":"
                        + "{\"model\":\"gpt-4.1-mini\",\"input\":[{\"role\":\"user\",\"content\":\"What is 9 + 9?\"}],"
                        + "\"temperature\":0.0,\"max_output_tokens\":256,\"store\":false}}\n");
        assertThat(body(server.takeRequest()))
                .isEqualTo("{\"input_file_id\":\"file-abc123\",\"endpoint\":\"/v1/responses\","
                        + "\"completion_window\":\"24h\",\"metadata\":{\"rpt_submission\":\"tag-1\"}}");
        assertThat(((Outcome.Answered) results.get("k1")).response().text())
                .isEqualTo("{\"answer\":\"18\",\"confidence\":0.9}");
    }

    @Test
    void anAzureDeploymentsUrlHasNoBatchesAndTheErrorNamesTheResourcesV1Url() {
        ModelSettings deployment = ModelSettings.of(
                "openai",
                "gpt-4o-batch",
                "https://my-resource.openai.azure.com/openai/deployments/gpt-4o-batch?api-version=2024-10-21",
                "none");
        BatchApi api = new OpenAiProvider()
                .batchApi(deployment, RptConfig.of(Map.of()), ENVIRONMENT)
                .orElseThrow();

        assertThatThrownBy(() -> api.submit(List.of(new BatchApi.Item("k1", request())), "tag-1"))
                .isInstanceOf(BatchUnsupportedException.class)
                .hasMessage(
                        "Azure OpenAI's Batch API is not under a deployment's URL (/openai/deployments/gpt-4o-batch);"
                                + " set rpt.base-url to the resource's v1 URL, https://my-resource.openai.azure.com/openai/v1,"
                                + " and rpt.model to the name of a Global Batch deployment");
    }

    @Test
    void aLineIsTheDirectCallsBodyAndItsSizeCountsItsBytes() {
        BatchApi.Item item = new BatchApi.Item("k1", request());
        String line = "{\"custom_id\":\"k1\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":"
                + DIRECT_BODY + "}\n";
        assertThat(api().sizeOf(item)).isEqualTo(line.length());
        assertThat(api().maxRequests()).isEqualTo(50_000);
    }

    @Test
    void aBatchInProgressIsNotEnded() throws Exception {
        server.enqueue(ok("batch/batch-in-progress.json"));

        BatchApi.Status status = api().status("batch_abc123");

        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/batches/batch_abc123");
        assertThat(status)
                .isEqualTo(new BatchApi.Status(
                        "batch_abc123", "in_progress", false, 3, 1, 0, Optional.empty(), List.of()));
    }

    @Test
    void aPartlyFailedBatchAnswersSomeRequestsAndGivesTheProvidersReasonForTheOthers() throws Exception {
        server.enqueue(ok("batch/batch-completed-partly-failed.json"));
        server.enqueue(json(200, resource("batch/output-partly-failed.jsonl")));
        server.enqueue(json(200, resource("batch/errors-partly-failed.jsonl")));
        BatchApi api = api();

        BatchApi.Status status = api.status("batch_abc123");
        Map<String, Outcome> results = api.results(status, Map.of());

        assertThat(status.ended()).isTrue();
        assertThat(status.resultsLocation()).containsExactly("file-out123", "file-err123");
        server.takeRequest();
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/files/file-out123/content");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/files/file-err123/content");
        assertThat(results).containsOnlyKeys("k1", "k2", "k3");
        assertThat(((Outcome.Answered) results.get("k1")).response().text()).isEqualTo("18");
        assertThat(((Outcome.Answered) results.get("k3")).response().usage().promptTokens())
                .isEqualTo(20);
        assertThat(((Outcome.Unanswered) results.get("k2")).reason())
                .isEqualTo("HTTP 400: This model's maximum context length is 128000 tokens. [context_length_exceeded]");
    }

    @Test
    void anExpiredBatchKeepsWhatItAnsweredAndSaysTheRestExpired() {
        server.enqueue(ok("batch/batch-expired.json"));
        server.enqueue(json(200, resource("batch/output-expired.jsonl")));
        server.enqueue(json(200, resource("batch/errors-expired.jsonl")));
        BatchApi api = api();

        BatchApi.Status status = api.status("batch_abc123");
        Map<String, Outcome> results = api.results(status, Map.of());

        assertThat(status.ended()).isTrue();
        assertThat(status.failure())
                .hasValue("the batch expired: the provider did not finish it within its 24h window");
        assertThat(results.get("k1")).isInstanceOf(Outcome.Answered.class);
        assertThat(((Outcome.Unanswered) results.get("k3")).reason())
                .isEqualTo("This request could not be executed before the completion window expired. [batch_expired]");
    }

    @Test
    void aBatchThatFailedValidationSaysWhyWithTheLine() {
        server.enqueue(ok("batch/batch-failed.json"));

        BatchApi.Status status = api().status("batch_abc123");

        assertThat(status.ended()).isTrue();
        assertThat(status.resultsLocation()).isEmpty();
        assertThat(status.failure()).hasValue("the batch failed: This line is not parseable as valid JSON. (line 2)");
    }

    @Test
    void aServerWithoutTheFilesEndpointIsUnsupported() {
        server.enqueue(new MockResponse.Builder()
                .code(404)
                .setHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Not Found\",\"type\":\"invalid_request_error\"}}")
                .build());

        assertThatThrownBy(() -> api().submit(List.of(new BatchApi.Item("k1", request())), "tag-1"))
                .isInstanceOf(BatchUnsupportedException.class)
                .hasMessageContaining(server.url("/v1/files").toString())
                .hasMessageContaining("answered 404");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {405, 501})
    void aServerThatRefusesTheBatchEndpointsOtherwiseIsUnsupportedToo(int code) {
        // 405: the path exists but not for POST; 501: vLLM with its batch API off. Both mean "no batch API", which
        // rpt.batch=auto answers by sending the requests one by one.
        server.enqueue(new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Not implemented\",\"type\":\"NotImplementedError\"}}")
                .build());

        assertThatThrownBy(() -> api().submit(List.of(new BatchApi.Item("k1", request())), "tag-1"))
                .isInstanceOf(BatchUnsupportedException.class)
                .hasMessageContaining("answered " + code + ": this server has no Files and Batch API");
    }
}
