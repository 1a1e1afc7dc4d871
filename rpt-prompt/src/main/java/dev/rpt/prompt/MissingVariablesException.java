package dev.rpt.prompt;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Rendering a prompt found placeholders with no value. One error lists every missing variable with the
 * {@code file:line} of each placeholder that uses it, so that a test case can be fixed in one go.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MissingVariablesException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, List<Integer>> missing;

    /**
     * Creates the error.
     *
     * @param sourceName the prompt's source name
     * @param missing each missing variable, in order of first use, with the lines of its placeholders
     */
    public MissingVariablesException(String sourceName, Map<String, List<Integer>> missing) {
        super(message(sourceName, missing));
        this.missing = Map.copyOf(missing);
    }

    /** The missing variables, each with the 1-based file lines of its placeholders. */
    public Map<String, List<Integer>> missing() {
        return missing;
    }

    private static String message(String sourceName, Map<String, List<Integer>> missing) {
        String list = missing.entrySet().stream()
                .map(entry -> entry.getKey() + " (used at "
                        + entry.getValue().stream()
                                .map(line -> sourceName + ":" + line)
                                .collect(Collectors.joining(", "))
                        + ")")
                .collect(Collectors.joining(", "));
        return (missing.size() == 1 ? "No value for variable " : "No values for variables ") + list
                + ". Pass a value for each when rendering the prompt, or mark the variable optional in input.schema"
                + " (e.g. `name?: string`).";
    }
}
