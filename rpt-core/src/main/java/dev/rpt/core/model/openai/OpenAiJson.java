package dev.rpt.core.model.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.core.model.MalformedResponseException;

/** The package's one Jackson mapper, and parsing that fails with the error type the caller needs. */
final class OpenAiJson {

    // A body with anything after its JSON value was cut or mangled on the way; say so instead of reading half.
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private OpenAiJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses a complete response body that must be a JSON object. */
    static ObjectNode parseResponse(String body, String what) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException(what + " is not JSON", body, null);
        }
        if (tree == null || !tree.isObject()) {
            throw new MalformedResponseException(what + " is not a JSON object", body, null);
        }
        return (ObjectNode) tree;
    }

    /** Parses JSON the caller supplied, such as a schema; the message names what it is for. */
    static JsonNode parseInput(String json, String what) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A text field, or null when it is absent, null or not text. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
