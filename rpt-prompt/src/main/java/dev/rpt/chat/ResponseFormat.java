package dev.rpt.chat;

import java.util.Objects;

/**
 * Structured output: the reply must be a JSON document that follows a schema.
 *
 * @param name a short identifier of the schema (OpenAI {@code json_schema.name})
 * @param schema the schema the reply follows
 * @param strict ask the provider to enforce the schema exactly
 */
public record ResponseFormat(String name, JsonSchema schema, boolean strict) {

    public ResponseFormat {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
    }
}
