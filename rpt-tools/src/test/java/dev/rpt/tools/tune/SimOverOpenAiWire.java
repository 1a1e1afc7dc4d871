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
 * A fake OpenAI server that hosts the simulator on both chat wires: it decodes each request from the wire JSON
 * (Chat Completions at {@code /chat/completions}, the Responses API at {@code /responses}), asks the simulator, and
 * encodes the reply as OpenAI does. Models reached through the real {@code openai} and {@code openai-responses}
 * providers then exchange real tool-call JSON with it.
 */
final class SimOverOpenAiWire extends Dispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChatModel sim;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger toolCallReplies = new AtomicInteger();
    final AtomicInteger toolResultsReceived = new AtomicInteger();
    final AtomicInteger embeddingRequests = new AtomicInteger();
    /** Requests answered on the Responses wire. */
    final AtomicInteger responsesBodies = new AtomicInteger();
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
        boolean responses = recorded.getUrl().encodedPath().endsWith("/responses");
        try {
            JsonNode json = JSON.readTree(body);
            ChatResponse response = sim.chat(responses ? decodeResponses(json) : decode(json));
            if (response.hasToolCalls()) {
                toolCallReplies.incrementAndGet();
            }
            if (responses) {
                responsesBodies.incrementAndGet();
            }
            return new MockResponse.Builder()
                    .addHeader("content-type", "application/json")
                    .body(responses ? encodeResponses(response) : encode(response))
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
        // Chat Completions nests each tool and a forced choice under "function".
        tools(request, body, tool -> tool.path("function"));
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

    /** The tools and the tool choice; {@code function} finds a tool's (or forced choice's) name and schema. */
    private static void tools(
            ChatRequest.Builder request, JsonNode body, java.util.function.UnaryOperator<JsonNode> function) {
        List<ToolDefinition> tools = new ArrayList<>();
        for (JsonNode tool : body.path("tools")) {
            JsonNode definition = function.apply(tool);
            tools.add(new ToolDefinition(
                    definition.path("name").asText(),
                    definition.path("description").asText(),
                    new JsonSchema(definition.path("parameters").toString()),
                    definition.path("strict").asBoolean()));
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
                    ToolChoice.function(function.apply(choice).path("name").asText()));
        }
    }

    /** A Responses API request as the simulator's request: instructions, input items, flat tools, text.format. */
    private ChatRequest decodeResponses(JsonNode body) {
        if (body.path("store").asBoolean(true)) {
            throw new IllegalArgumentException("rpt must send store: false");
        }
        ChatRequest.Builder request = ChatRequest.builder();
        if (body.hasNonNull("instructions")) {
            request.system(body.path("instructions").asText());
        }
        List<ToolCall> pending = new ArrayList<>();
        for (JsonNode item : body.path("input")) {
            String type = item.path("type").asText("message");
            if (!type.equals("function_call") && !pending.isEmpty()) {
                request.message(ChatMessage.assistant(null, List.copyOf(pending)));
                pending.clear();
            }
            switch (type) {
                case "message" -> {
                    String content = item.path("content").asText();
                    switch (item.path("role").asText()) {
                        case "system", "developer" -> request.system(content);
                        case "user" -> request.user(content);
                        case "assistant" -> request.message(ChatMessage.assistant(content));
                        default -> throw new IllegalArgumentException("unknown role " + item.path("role"));
                    }
                }
                case "function_call" ->
                    pending.add(new ToolCall(
                            item.path("call_id").asText(),
                            item.path("name").asText(),
                            item.path("arguments").textValue()));
                case "function_call_output" -> {
                    toolResultsReceived.incrementAndGet();
                    request.message(ChatMessage.toolResult(
                            item.path("call_id").asText(), item.path("output").asText()));
                }
                default -> throw new IllegalArgumentException("unknown input item " + type);
            }
        }
        if (!pending.isEmpty()) {
            request.message(ChatMessage.assistant(null, List.copyOf(pending)));
        }
        // The Responses API writes them flat.
        tools(request, body, tool -> tool);
        JsonNode format = body.path("text").path("format");
        if (format.path("type").asText().equals("json_schema")) {
            request.responseFormat(new ResponseFormat(
                    format.path("name").asText(),
                    new JsonSchema(format.path("schema").toString()),
                    format.path("strict").asBoolean()));
        }
        if (body.has("temperature")) {
            request.temperature(body.path("temperature").asDouble());
        }
        if (body.has("max_output_tokens")) {
            request.maxTokens(body.path("max_output_tokens").asInt());
        }
        if (body.path("include").toString().contains("message.output_text.logprobs")) {
            request.logprobs(true, body.path("top_logprobs").asInt(0));
        }
        return request.build();
    }

    /** The simulator's reply as a Responses API body: a message item and one function_call item per tool call. */
    private static String encodeResponses(ChatResponse response) {
        ObjectNode reply = JSON.createObjectNode();
        reply.put("id", "resp_sim").put("object", "response").put("created_at", 1_765_100_000);
        reply.put(
                "status",
                response.finishReason() == dev.rpt.core.model.FinishReason.LENGTH ? "incomplete" : "completed");
        if (response.finishReason() == dev.rpt.core.model.FinishReason.LENGTH) {
            reply.putObject("incomplete_details").put("reason", "max_output_tokens");
        } else {
            reply.putNull("incomplete_details");
        }
        reply.putNull("error");
        reply.put("model", response.model());
        ArrayNode output = reply.putArray("output");
        output.addObject().put("id", "rs_sim").put("type", "reasoning").putArray("summary");
        if (response.text() != null) {
            ObjectNode message = output.addObject();
            message.put("id", "msg_sim")
                    .put("type", "message")
                    .put("role", "assistant")
                    .put("status", "completed");
            message.putArray("content")
                    .addObject()
                    .put("type", "output_text")
                    .put("text", response.text())
                    .putArray("annotations");
        }
        for (ToolCall call : response.toolCalls()) {
            output.addObject()
                    .put("id", "fc_" + call.id())
                    .put("type", "function_call")
                    .put("call_id", call.id())
                    .put("name", call.name())
                    .put("arguments", call.arguments())
                    .put("status", "completed");
        }
        ObjectNode usage = reply.putObject("usage");
        usage.put("input_tokens", response.usage().promptTokens());
        usage.putObject("input_tokens_details").put("cached_tokens", 0).put("cache_write_tokens", 0);
        usage.put("output_tokens", response.usage().completionTokens());
        usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
        usage.put("total_tokens", response.usage().totalTokens());
        return reply.toString();
    }
}
