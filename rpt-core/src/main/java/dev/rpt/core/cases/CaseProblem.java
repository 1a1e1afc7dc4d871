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
 * @param stopsReading whether the file could not be read past this point (an unclosed quote, a YAML syntax error), so
 *     that rows after it were never seen and cannot be counted; such a problem can never be skipped
 */
@API(status = INTERNAL, since = "0.1")
public record CaseProblem(String file, int line, String message, boolean stopsReading) {

    public CaseProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 (whole file) or positive, got " + line);
        }
    }

    /** A problem with one row, or with the whole file when {@code line} is {@code 0}; the other rows were read. */
    public CaseProblem(String file, int line, String message) {
        this(file, line, message, false);
    }

    /**
     * Whether the class can run without the row this problem is about, under {@code rpt.cases.bad-rows=skip}: a bad
     * row can be left out and counted, but not a file that is missing or could not be read to its end.
     */
    public boolean skippable() {
        return line > 0 && !stopsReading;
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
