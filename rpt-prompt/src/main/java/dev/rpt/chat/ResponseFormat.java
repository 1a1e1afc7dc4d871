package dev.rpt.chat;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Structured output: the reply must be a JSON document that follows a schema.
 *
 * @param name a short identifier of the schema (OpenAI {@code json_schema.name})
 * @param schema the schema the reply follows
 * @param strict ask the provider to enforce the schema exactly
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ResponseFormat(String name, JsonSchema schema, boolean strict) {

    public ResponseFormat {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
    }
}
