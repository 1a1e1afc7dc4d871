package dev.rpt.core.model.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
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
import dev.rpt.core.files.Sha256;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content address of a request: the SHA-256 (hex) of a canonical JSON text of everything that can change the
 * reply. Canonical means a fixed field order and schemas re-serialized with sorted keys, so that the same request
 * always gives the same key, whatever map order produced its schema.
 */
final class CacheKey {

    /**
     * The version of the key and entry format. Bump it when either changes, so that old entries are no longer
     * found instead of being misread.
     */
    static final int FORMAT_VERSION = 2;

    // Trailing text after a schema must change the key, not be silently dropped by the parser.
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CacheKey() {}

    /** The key of a request to an endpoint. */
    static String of(CacheEndpoint endpoint, ChatRequest request) {
        return Sha256.hex(canonicalJson(endpoint, request));
    }

    /**
     * The canonical JSON text the key is the hash of. Format 2 added the endpoint (base URL and declared headers):
     * format 1 keys held only the provider and model name, so two servers of one model name shared entries.
     */
    static String canonicalJson(CacheEndpoint endpoint, ChatRequest request) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT_VERSION);
        root.put("provider", endpoint.provider());
        root.put("model", endpoint.model());
        root.put("baseUrl", endpoint.baseUrl());
        ObjectNode headers = root.putObject("headers");
        endpoint.headers().forEach(headers::put);
        ObjectNode settings = root.putObject("settings");
        endpoint.settings().forEach(settings::put);
        ArrayNode messages = root.putArray("messages");
        request.messages().forEach(message -> messages.add(message(message)));
        ArrayNode tools = root.putArray("tools");
        request.tools().forEach(tool -> tools.add(tool(tool)));
        root.set("toolChoice", toolChoice(request.toolChoice()));
        root.set("responseFormat", responseFormat(request.responseFormat()));
        root.set("temperature", request.temperature() == null ? null : MAPPER.valueToTree(request.temperature()));
        root.set("maxTokens", request.maxTokens() == null ? null : MAPPER.valueToTree(request.maxTokens()));
        root.set("seed", request.seed() == null ? null : MAPPER.valueToTree(request.seed()));
        root.put("logprobs", request.logprobs());
        root.put("topLogprobs", request.topLogprobs());
        root.put("sampleIndex", request.sampleIndex());
        if (request.parallelToolCalls() != null) {
            // Only when set, so that the keys of requests without it stay what they were.
            root.put("parallelToolCalls", request.parallelToolCalls());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a JSON tree", e);
        }
    }

    /** The key of an embeddings request to an endpoint: its texts, in order. */
    static String ofEmbeddings(CacheEndpoint endpoint, List<String> texts) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT_VERSION);
        // Chat keys have no "kind", so no embeddings key can equal a chat key's canonical text.
        root.put("kind", "embeddings");
        root.put("provider", endpoint.provider());
        root.put("model", endpoint.model());
        root.put("baseUrl", endpoint.baseUrl());
        ObjectNode headers = root.putObject("headers");
        endpoint.headers().forEach(headers::put);
        ArrayNode input = root.putArray("texts");
        texts.forEach(input::add);
        try {
            return Sha256.hex(MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a JSON tree", e);
        }
    }

    private static ObjectNode message(ChatMessage message) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("role", message.role().name());
        node.put("content", message.content());
        ArrayNode calls = node.putArray("toolCalls");
        for (ToolCall call : message.toolCalls()) {
            calls.addObject().put("id", call.id()).put("name", call.name()).put("arguments", call.arguments());
        }
        node.put("toolCallId", message.toolCallId());
        node.put("toolError", message.toolError());
        return node;
    }

    private static ObjectNode tool(ToolDefinition tool) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", tool.name());
        node.put("description", tool.description());
        node.set("parameters", schema(tool.parameters()));
        node.put("strict", tool.strict());
        return node;
    }

    private static JsonNode toolChoice(ToolChoice choice) {
        if (choice == null) {
            return null;
        }
        ObjectNode node = MAPPER.createObjectNode();
        if (choice instanceof ToolChoice.Function function) {
            node.put("function", function.name());
        } else {
            node.put("mode", ((ToolChoice.Mode) choice).value());
        }
        return node;
    }

    private static JsonNode responseFormat(ResponseFormat format) {
        if (format == null) {
            return null;
        }
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", format.name());
        node.set("schema", schema(format.schema()));
        node.put("strict", format.strict());
        return node;
    }

    private static JsonNode schema(JsonSchema schema) {
        try {
            return sorted(MAPPER.readTree(schema.json()));
        } catch (JsonProcessingException e) {
            // Not JSON: the provider will reject it; the key only has to be stable, and the raw text is.
            return MAPPER.getNodeFactory().textNode(schema.json());
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            ObjectNode copy = MAPPER.createObjectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = MAPPER.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
