package dev.rpt.junit.engine.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.junit.engine.ChatCompletions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * An OpenAI-compatible Chat Completions server that answers every known question right, unless the installed
 * {@link Fault} answers instead. It counts requests overall and attempts per question, so a fault can hit "the
 * first attempt of every case" or "every 20th request" deterministically, whatever the order of concurrent calls.
 */
final class FakeOpenAiServer implements AutoCloseable {

    /** Decides the response to one request; returns {@code ok} to answer normally. */
    @FunctionalInterface
    interface Fault {
        MockResponse respond(int attempt, int request, MockResponse ok);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLUS_ONE = Pattern.compile("What is (\\d+) plus 1\\?");

    private final MockWebServer server = new MockWebServer();
    private final Map<String, String> answers = new HashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile Fault fault = (attempt, request, ok) -> ok;
    private volatile java.util.function.Function<JsonNode, MockResponse> optimizer =
            body -> json(500, "{\"error\":{\"message\":\"no optimizer script\"}}");

    FakeOpenAiServer() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("cases/gsm8k-24.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                JsonNode row = JSON.readTree(line);
                answers.put(row.get("question").asText(), row.get("answer").asText());
            }
        }
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return respond(request);
            }
        });
        server.start();
    }

    void fault(Fault fault) {
        this.fault = fault;
    }

    /** Answers the requests that offer tools (the tuner's optimizer), given the request body. */
    void optimizer(java.util.function.Function<JsonNode, MockResponse> optimizer) {
        this.optimizer = optimizer;
    }

    /**
     * The engine configuration that points the real {@code openai} provider at this server: no key, no cache, a
     * tiny backoff, and the report in {@code reportDir}. Tests add what they vary.
     */
    java.util.Map<String, String> engineConfiguration(java.nio.file.Path reportDir) {
        java.util.Map<String, String> config = new java.util.HashMap<>();
        config.put("rpt.provider", "openai");
        config.put("rpt.model", "gpt-4.1-mini");
        config.put("rpt.base-url", baseUrl());
        config.put("rpt.api-key-env", "none");
        config.put("rpt.cache", "off");
        config.put("rpt.retry.initial-backoff", "1ms");
        config.put("rpt.report.dir", reportDir.toString());
        return config;
    }

    String baseUrl() {
        return server.url("/v1").toString();
    }

    int requests() {
        return requests.get();
    }

    /** Attempts per question, as the server saw them. */
    Map<String, Integer> attemptsPerQuestion() {
        Map<String, Integer> copy = new HashMap<>();
        attempts.forEach((question, count) -> copy.put(question, count.get()));
        return copy;
    }

    /** The {@code Authorization} header of every request, in arrival order. */
    List<String> authorizations() {
        return authorizations;
    }

    private MockResponse respond(RecordedRequest request) {
        int number = requests.incrementAndGet();
        String auth = request.getHeaders().get("authorization");
        authorizations.add(auth == null ? "" : auth);
        try {
            JsonNode body = JSON.readTree(request.getBody().utf8());
            if (body.has("tools")) {
                return optimizer.apply(body);
            }
            String user = body.at("/messages/1/content").asText();
            int attempt =
                    attempts.computeIfAbsent(user, q -> new AtomicInteger()).incrementAndGet();
            return fault.respond(attempt, number, ok(answerTo(user)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String answerTo(String question) {
        String known = answers.get(question);
        if (known != null) {
            return known;
        }
        Matcher plusOne = PLUS_ONE.matcher(question);
        return plusOne.matches() ? String.valueOf(Long.parseLong(plusOne.group(1)) + 1) : "I don't know";
    }

    /** A well-formed completion whose content is the structured answer. */
    static MockResponse ok(String answer) {
        ObjectNode content = JSON.createObjectNode()
                .put("answer", answer)
                .put("confidence", 0.9)
                .put("justification", "worked");
        return completion(message -> message.put("content", content.toString()));
    }

    /** A well-formed completion whose message the caller fills. */
    static MockResponse completion(java.util.function.Consumer<ObjectNode> message) {
        return ChatCompletions.of(message);
    }

    static MockResponse toolCall(String id, String name, String arguments) {
        ObjectNode reply = JSON.createObjectNode();
        reply.put("id", "chatcmpl-t").put("object", "chat.completion").put("model", "gpt-4.1");
        ObjectNode choice = reply.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "tool_calls");
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        message.putNull("content");
        ObjectNode call = message.putArray("tool_calls").addObject();
        call.put("id", id).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", arguments);
        reply.putObject("usage")
                .put("prompt_tokens", 500)
                .put("completion_tokens", 50)
                .put("total_tokens", 550);
        return json(200, reply.toString());
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("content-type", "application/json")
                .body(body)
                .build();
    }

    /** The body of a response built by {@link #ok} or {@link #completion}, for faults that mangle it. */
    static String bodyOf(MockResponse response) {
        okio.Buffer buffer = new okio.Buffer();
        try {
            response.getBody().writeTo(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.readUtf8();
    }

    @Override
    public void close() {
        server.close();
    }
}
