package dev.rpt.prompt;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A variable declared in the front matter's {@code input.schema}.
 *
 * @param name the name used in {@code {{name}}} placeholders
 * @param required whether rendering fails without a value; an optional variable renders as the empty string
 * @param description the declared description, if any
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PromptVariable(String name, boolean required, Optional<String> description) {

    public PromptVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }
}
