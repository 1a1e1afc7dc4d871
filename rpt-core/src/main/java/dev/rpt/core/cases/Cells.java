package dev.rpt.core.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.core.model.Excerpt;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a JSON or YAML object into case variables: every value as text. */
final class Cells {

    /** Writes nested values as compact JSON, whatever mapper read them. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private Cells() {}

    /**
     * The fields of an object as text, in field order. A {@code null} value is left out, so that a prompt using it
     * fails as a missing variable instead of rendering the word {@code null}.
     */
    static Map<String, String> of(JsonNode object) {
        Map<String, String> columns = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (!value.isNull()) {
                columns.put(field.getKey(), text(value));
            }
        });
        return columns;
    }

    /** How an object or list node is named in messages. */
    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "nothing (null)";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return "the text \"" + Excerpt.of(node.textValue(), 60) + "\"";
        }
        return "the value " + Excerpt.of(node.toString(), 60);
    }

    private static String text(JsonNode value) {
        if (value.isValueNode()) {
            return value.asText();
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // A tree that was just parsed always serializes.
            throw new IllegalStateException(e);
        }
    }
}
