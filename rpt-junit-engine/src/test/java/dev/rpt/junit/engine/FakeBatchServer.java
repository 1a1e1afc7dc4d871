package dev.rpt.junit.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.junit.engine.fixtures.MathPromptTestCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A loopback OpenAI-compatible server with the Files and Batch APIs, in memory: uploads are read line by line, a
 * batch stays {@code in_progress} for as many polls as asked and then completes, and its output file answers each
 * line's body with the given function. Direct Chat Completions calls are answered too, and counted, so that a test
 * can show none was made.
 */
final class FakeBatchServer extends Dispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<JsonNode, String> answer;
    private final Map<String, List<JsonNode>> files = new ConcurrentHashMap<>();
    private final Map<String, String> batchInput = new ConcurrentHashMap<>();
    private final Map<String, Integer> polls = new ConcurrentHashMap<>();
    final AtomicInteger batchesCreated = new AtomicInteger();
    final AtomicInteger directCalls = new AtomicInteger();
    volatile int pollsBeforeDone;
    /** Answers the Files and Batch APIs with 404, as Ollama or vLLM would. */
    volatile boolean withoutBatchApi;

    /** @param answer the reply's content for a Chat Completions request body */
    /**
     * Runs {@code MathPromptTestCase} with {@code rpt.batch=on} against this server at {@code baseUrl}, through the real
     * {@code openai} provider and response cache, priced at $2 and $8 per million tokens; {@code extra} adds or
     * overrides keys.
     */
    static EngineExecutionResults runMath(String baseUrl, Path cacheDir, Path reportDir, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of(
                "rpt.provider", "openai",
                "rpt.model", "gpt-4.1-mini",
                "rpt.base-url", baseUrl,
                "rpt.api-key-env", "none",
                "rpt.batch", "on",
                "rpt.batch.poll-interval", "10ms",
                "rpt.cache", "read-write",
                "rpt.cache.dir", cacheDir.toString(),
                "rpt.price.gpt-4.1-mini", "2,8",
                "rpt.report.dir", reportDir.toString()));
        config.putAll(extra);
        return EngineTestKit.engine("rpt")
                .configurationParameters(config)
                .selectors(selectClass(MathPromptTestCase.class))
                .execute();
    }

    FakeBatchServer(Function<JsonNode, String> answer) {
        this.answer = answer;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        try {
            if (path.equals("/v1/chat/completions")) {
                directCalls.incrementAndGet();
                return json(completion(JSON.readTree(request.getBody().utf8())).toString());
            }
            if (withoutBatchApi && !path.equals("/v1/chat/completions")) {
                return new MockResponse.Builder()
                        .code(404)
                        .addHeader("content-type", "application/json")
                        .body("{\"error\":{\"message\":\"404 page not found\"}}")
                        .build();
            }
            if (path.equals("/v1/files") && request.getMethod().equals("POST")) {
                String id = "file-in" + files.size();
                files.put(id, upload(request.getBody().utf8()));
                return json("{\"id\":\"" + id + "\",\"object\":\"file\",\"purpose\":\"batch\"}");
            }
            if (path.equals("/v1/batches") && request.getMethod().equals("POST")) {
                String id = "batch_" + batchesCreated.incrementAndGet();
                batchInput.put(
                        id,
                        JSON.readTree(request.getBody().utf8())
                                .get("input_file_id")
                                .asText());
                return json(batch(id, "validating", 0).toString());
            }
            if (path.startsWith("/v1/batches/")) {
                String id = path.substring("/v1/batches/".length());
                int count = polls.merge(id, 1, Integer::sum);
                int total = files.get(batchInput.get(id)).size();
                return json(batch(id, count > pollsBeforeDone ? "completed" : "in_progress", total)
                        .toString());
            }
            if (path.startsWith("/v1/files/file-out-") && path.endsWith("/content")) {
                String id = path.substring("/v1/files/file-out-".length(), path.length() - "/content".length());
                StringBuilder out = new StringBuilder();
                for (JsonNode line : files.get(batchInput.get(id))) {
                    ObjectNode result = JSON.createObjectNode();
                    result.put("id", "batch_req_" + line.get("custom_id").asText());
                    result.put("custom_id", line.get("custom_id").asText());
                    ObjectNode response = result.putObject("response");
                    response.put("status_code", 200).put("request_id", "req_1");
                    response.set("body", completion(line.get("body")));
                    result.putNull("error");
                    out.append(result).append('\n');
                }
                return new MockResponse.Builder()
                        .addHeader("content-type", "application/octet-stream")
                        .body(out.toString())
                        .build();
            }
            return new MockResponse.Builder()
                    .code(404)
                    .body("{\"error\":{\"message\":\"no route\"}}")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> upload(String multipart) throws IOException {
        // The file part is the one named "file"; its body starts after the blank line that ends its headers.
        int part = multipart.indexOf("name=\"file\"");
        int start = multipart.indexOf("\r\n\r\n", part) + 4;
        int end = multipart.indexOf("\r\n--", start);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : multipart.substring(start, end).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private ObjectNode batch(String id, String status, int total) {
        ObjectNode batch = JSON.createObjectNode();
        batch.put("id", id).put("object", "batch").put("endpoint", "/v1/chat/completions");
        batch.put("input_file_id", batchInput.get(id))
                .put("completion_window", "24h")
                .put("status", status);
        boolean done = status.equals("completed");
        if (done) {
            batch.put("output_file_id", "file-out-" + id);
        } else {
            batch.putNull("output_file_id");
        }
        batch.putNull("error_file_id");
        batch.putObject("request_counts")
                .put("total", total)
                .put("completed", done ? total : 0)
                .put("failed", 0);
        return batch;
    }

    private ObjectNode completion(JsonNode body) {
        ObjectNode reply = JSON.createObjectNode();
        reply.put("id", "chatcmpl-1").put("object", "chat.completion").put("model", "gpt-4.1-mini");
        ObjectNode choice = reply.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", answer.apply(body));
        reply.putObject("usage")
                .put("prompt_tokens", 50)
                .put("completion_tokens", 10)
                .put("total_tokens", 60);
        return reply;
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder()
                .addHeader("content-type", "application/json")
                .body(body)
                .build();
    }
}
