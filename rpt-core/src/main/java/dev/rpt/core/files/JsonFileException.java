package dev.rpt.core.files;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import org.apiguardian.api.API;

/**
 * A JSON file that cannot be read as its format: which field is wrong and how. The format's owner puts the file's
 * name and the fix around it.
 */
@API(status = INTERNAL, since = "0.1")
public final class JsonFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    /**
     * @param field where: a path such as {@code classes[0].metrics.n}, {@code the top level}, or a line and column
     * @param problem what is wrong, e.g. {@code must be a number in [0, 1] or null}
     */
    public JsonFileException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** Where in the file. */
    public String field() {
        return field;
    }

    /** What is wrong there. */
    public String problem() {
        return problem;
    }
}
