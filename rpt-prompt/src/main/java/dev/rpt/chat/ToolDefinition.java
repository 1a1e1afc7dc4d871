package dev.rpt.chat;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A function the model may call.
 *
 * @param name the function name the model uses in its calls
 * @param description what the function does, for the model
 * @param parameters the JSON Schema of the arguments object
 * @param strict ask the provider to enforce the schema exactly (OpenAI {@code strict}); providers without the
 *     notion ignore it
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ToolDefinition(String name, String description, JsonSchema parameters, boolean strict) {

    public ToolDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
    }
}
