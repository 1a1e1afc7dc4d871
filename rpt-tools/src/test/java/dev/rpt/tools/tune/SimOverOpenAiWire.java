package dev.rpt.tools.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.api.ToolCall;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.JsonSchema;
import dev.rpt.chat.ResponseFormat;
import dev.rpt.chat.ToolChoice;
import dev.rpt.chat.ToolDefinition;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A fake OpenAI Chat Completions server that hosts the simulator: it decodes each request from the wire JSON, asks
 * the simulator, and encodes the reply as OpenAI does. Models reached through the real {@code openai} provider then
 * exchange real tool-call JSON with it.
 */
final class SimOverOpenAiWire extends Dispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChatModel sim;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger toolCallReplies = new AtomicInteger();
    final AtomicInteger toolResultsReceived = new AtomicInteger();
    final AtomicInteger embeddingRequests = new AtomicInteger();
    /** A text whose first request fails once with a 500, as a provider's transient error would. */
    private volatile String failOnceOn;

    SimOverOpenAiWire(ChatModel sim) {
        this.sim = sim;
    }

    /** Makes the first request whose body contains {@code text} fail with a 500; later ones are answered. */
    void failOnceOn(String text) {
        this.failOnceOn = text;
    }

    @Override
    public MockResponse dispatch(RecordedRequest recorded) {
        requests.incrementAndGet();
        String body = recorded.getBody().utf8();
        String failing = failOnceOn;
        if (failing != null && body.contains(failing)) {
            failOnceOn = null;
            return new MockResponse.Builder()
                    .code(500)
                    .addHeader("content-type", "application/json")
                    .body("{\"error\":{\"message\":\"The server had an error while processing your request.\","
                            + "\"type\":\"server_error\",\"param\":null,\"code\":null}}")
                    .build();
        }
        if (recorded.getUrl().encodedPath().endsWith("/embeddings")) {
            return embeddings(body);
        }
        try {
            ChatResponse response = sim.chat(decode(JSON.readTree(body)));
            if (response.hasToolCalls()) {
                toolCallReplies.incrementAndGet();
            }
            return new MockResponse.Builder()
                    .addHeader("content-type", "application/json")
                    .body(encode(response))
                    .build();
        } catch (IOException | RuntimeException e) {
            return new MockResponse.Builder()
                    .code(400)
                    .addHeader("content-type", "application/json")
                    .body("{\"error\":{\"message\":" + JSON.valueToTree(String.valueOf(e.getMessage()))
                            + ",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}")
                    .build();
        }
    }

    /**
     * An OpenAI embeddings reply: each text's vector is the count of each of its words' first letters over a-z, so
     * labels that share words lie close together.
     */
    private MockResponse embeddings(String body) {
        embeddingRequests.incrementAndGet();
        try {
            ObjectNode reply = JSON.createObjectNode();
            reply.put("object", "list").put("model", "sim-embed");
            ArrayNode data = reply.putArray("data");
            int index = 0;
            int tokens = 0;
            for (JsonNode text : JSON.readTree(body).path("input")) {
                ObjectNode item = data.addObject();
                item.put("object", "embedding").put("index", index++);
                ArrayNode vector = item.putArray("embedding");
                double[] counts = new double[26];
                for (String word : text.asText().toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                    if (!word.isEmpty()) {
                        counts[word.charAt(0) - 'a']++;
                        tokens++;
                    }
                }
                for (double count : counts) {
                    vector.add(count + 0.01);
                }
            }
            reply.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
            return new MockResponse.Builder()
                    .addHeader("content-type", "application/json")
                    .body(reply.toString())
                    .build();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ChatRequest decode(JsonNode body) {
        ChatRequest.Builder request = ChatRequest.builder();
        for (JsonNode message : body.path("messages")) {
            String role = message.path("role").asText();
            String content = message.path("content").isNull()
                    ? null
                    : message.path("content").asText(null);
            switch (role) {
                case "system" -> request.system(content);
                case "user" -> request.user(content);
                case "tool" -> {
                    toolResultsReceived.incrementAndGet();
                    request.message(
                            ChatMessage.toolResult(message.path("tool_call_id").asText(), content));
                }
                case "assistant" -> {
                    List<ToolCall> calls = new ArrayList<>();
                    for (JsonNode call : message.path("tool_calls")) {
                        calls.add(new ToolCall(
                                call.path("id").asText(),
                                call.path("function").path("name").asText(),
                                // On the wire, arguments are a JSON *string*.
                                call.path("function").path("arguments").textValue()));
                    }
                    request.message(ChatMessage.assistant(content, calls));
                }
                default -> throw new IllegalArgumentException("unknown role " + role);
            }
        }
        List<ToolDefinition> tools = new ArrayList<>();
        for (JsonNode tool : body.path("tools")) {
            JsonNode function = tool.path("function");
            tools.add(new ToolDefinition(
                    function.path("name").asText(),
                    function.path("description").asText(),
                    new JsonSchema(function.path("parameters").toString()),
                    function.path("strict").asBoolean()));
        }
        request.tools(tools);
        JsonNode choice = body.path("tool_choice");
        if (choice.isTextual()) {
            request.toolChoice(
                    switch (choice.asText()) {
                        case "none" -> ToolChoice.NONE;
                        case "required" -> ToolChoice.REQUIRED;
                        default -> ToolChoice.AUTO;
                    });
        } else if (choice.isObject()) {
            request.toolChoice(
                    ToolChoice.function(choice.path("function").path("name").asText()));
        }
        JsonNode format = body.path("response_format").path("json_schema");
        if (!format.isMissingNode()) {
            request.responseFormat(new ResponseFormat(
                    format.path("name").asText(),
                    new JsonSchema(format.path("schema").toString()),
                    format.path("strict").asBoolean()));
        }
        if (body.has("temperature")) {
            request.temperature(body.path("temperature").asDouble());
        }
        if (body.has("max_completion_tokens")) {
            request.maxTokens(body.path("max_completion_tokens").asInt());
        }
        if (body.has("seed")) {
            request.seed(body.path("seed").asLong());
        }
        if (body.path("logprobs").asBoolean()) {
            request.logprobs(true, body.path("top_logprobs").asInt(0));
        }
        return request.build();
    }

    private static String encode(ChatResponse response) {
        ObjectNode reply = JSON.createObjectNode();
        reply.put("id", "chatcmpl-sim").put("object", "chat.completion").put("created", 1_730_000_000);
        reply.put("model", response.model());
        ObjectNode choice = reply.putArray("choices").addObject();
        choice.put("index", 0);
        choice.put("finish_reason", response.finishReason().name().toLowerCase(Locale.ROOT));
        choice.putNull("logprobs");
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (response.text() == null) {
            message.putNull("content");
        } else {
            message.put("content", response.text());
        }
        if (response.hasToolCalls()) {
            ArrayNode calls = message.putArray("tool_calls");
            for (ToolCall call : response.toolCalls()) {
                ObjectNode node = calls.addObject();
                node.put("id", call.id()).put("type", "function");
                node.putObject("function").put("name", call.name()).put("arguments", call.arguments());
            }
        }
        reply.putObject("usage")
                .put("prompt_tokens", response.usage().promptTokens())
                .put("completion_tokens", response.usage().completionTokens())
                .put("total_tokens", response.usage().totalTokens());
        return reply.toString();
    }
}
