package dev.rpt.prompt;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rpt.chat.JsonSchema;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The validated front matter of a prompt file.
 *
 * @param model {@code model}, if set
 * @param parameters the {@code config} block
 * @param variables the variables of {@code input.schema}, or empty when the file declares no input schema (then
 *     any placeholder name is accepted)
 * @param output what {@code output} declares: text (with where its answer is), JSON of a schema, or nothing
 * @param tools the tools the prompt may call ({@code tools}, {@code config.toolChoice}, {@code
 *     config.parallelToolCalls}); {@link PromptTools#NONE} when it declares none
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PromptFrontMatter(
        Optional<String> model,
        PromptParameters parameters,
        Optional<List<PromptVariable>> variables,
        PromptOutput output,
        PromptTools tools) {

    /** The front matter of a file without one. */
    public static final PromptFrontMatter EMPTY = new PromptFrontMatter(
            Optional.empty(), PromptParameters.NONE, Optional.empty(), PromptOutput.UNDECLARED, PromptTools.NONE);

    public PromptFrontMatter {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(parameters, "parameters");
        variables = variables.map(List::copyOf);
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(tools, "tools");
    }

    /** Front matter without tools. */
    public PromptFrontMatter(
            Optional<String> model,
            PromptParameters parameters,
            Optional<List<PromptVariable>> variables,
            PromptOutput output) {
        this(model, parameters, variables, output, PromptTools.NONE);
    }

    /** {@code output.schema} converted to JSON Schema, if the prompt asks for JSON output. */
    public Optional<JsonSchema> outputSchema() {
        return output.schema();
    }

    /** The declared variable with this name, if the file declares it. */
    public Optional<PromptVariable> variable(String name) {
        return variables.flatMap(list ->
                list.stream().filter(variable -> variable.name().equals(name)).findFirst());
    }
}
