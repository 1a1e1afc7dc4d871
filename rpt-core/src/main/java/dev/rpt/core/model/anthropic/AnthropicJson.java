package dev.rpt.core.model.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.core.model.Excerpt;

/** The one Jackson mapper of this provider and the JSON-object parsing the encoders share. */
final class AnthropicJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private AnthropicJson() {}

    /**
     * Parses a JSON object text.
     *
     * @param text the text
     * @param what names the text in the error, e.g. "the arguments of tool call toolu_1"
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    static ObjectNode parseObject(String text, String what) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    what + " is not valid JSON (" + e.getOriginalMessage() + "): " + Excerpt.of(text), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object, got: " + Excerpt.of(text));
        }
        return (ObjectNode) node;
    }

    /** Compact JSON text of a tree. */
    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree built from parsed JSON always serializes; reaching this is a bug.
            throw new IllegalStateException("cannot serialize a JSON tree", e);
        }
    }
}
