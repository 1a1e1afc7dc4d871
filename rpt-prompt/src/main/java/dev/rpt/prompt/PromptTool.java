package dev.rpt.prompt;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rpt.chat.JsonSchema;
import dev.rpt.chat.ToolDefinition;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A tool the prompt may call, as its front matter declares it under {@code tools}: the same declaration the
 * application hands to its model client and rpt sends when it tests the prompt.
 *
 * @param name the tool's name, as the model calls it: letters, digits, {@code _} and {@code -}, at most 64
 * @param description what the tool does, for the model
 * @param input the JSON Schema of the tool's arguments, from Picoschema or JSON Schema as for {@code output.schema}
 */
@API(status = EXPERIMENTAL, since = "0.3")
public record PromptTool(String name, String description, JsonSchema input) {

    public PromptTool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(input, "input");
    }

    /** The tool as a request carries it, its arguments held to the schema (strict) where the provider can. */
    public ToolDefinition toDefinition() {
        return new ToolDefinition(name, description, input, true);
    }
}
