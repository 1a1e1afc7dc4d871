package dev.rpt.prompt;

import java.util.Objects;
import java.util.Optional;

/**
 * A variable declared in the front matter's {@code input.schema}.
 *
 * @param name the name used in {@code {{name}}} placeholders
 * @param required whether rendering fails without a value; an optional variable renders as the empty string
 * @param description the declared description, if any
 */
public record PromptVariable(String name, boolean required, Optional<String> description) {

    public PromptVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }
}
