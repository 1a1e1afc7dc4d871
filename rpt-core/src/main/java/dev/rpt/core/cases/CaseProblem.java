package dev.rpt.core.cases;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.api.CaseOrigin;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A row or file that could not become a case.
 *
 * @param file the file name as given to {@link CaseFiles}
 * @param line the 1-based line of the offending row, or {@code 0} for a problem with the whole file
 * @param message what is wrong and how to fix it
 */
@API(status = INTERNAL, since = "0.1")
public record CaseProblem(String file, int line, String message) {

    public CaseProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 (whole file) or positive, got " + line);
        }
    }

    /** Where the problem is, as {@code file:line} or {@code file}. */
    public CaseOrigin origin() {
        return new CaseOrigin(file, line);
    }

    /** {@code file:line: message}, ready for a test report or build log. */
    @Override
    public String toString() {
        return origin() + ": " + message;
    }
}
