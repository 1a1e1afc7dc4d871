package dev.rpt.core.model;

import java.util.Objects;

/**
 * A JSON Schema document, kept as its JSON text so that the SPI stays free of any JSON library.
 *
 * @param json the schema as a JSON object text
 */
public record JsonSchema(String json) {

    public JsonSchema {
        Objects.requireNonNull(json, "json");
        if (!json.strip().startsWith("{")) {
            throw new IllegalArgumentException("a JSON Schema must be a JSON object, got: " + Excerpt.of(json));
        }
    }
}
