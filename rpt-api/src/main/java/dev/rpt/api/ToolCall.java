package dev.rpt.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A function call the model asked for.
 *
 * @param id the provider's call id, echoed back in the tool result
 * @param name the tool's name
 * @param arguments the arguments as a JSON text, exactly as the model produced them; it may be invalid JSON, and
 *     the consumer decides what to do about that
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ToolCall(String id, String name, String arguments) {

    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }
}
