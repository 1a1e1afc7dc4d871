package dev.rpt.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where a case was written, for messages and reports.
 *
 * @param file the file name as the user knows it, e.g. {@code cases/math.jsonl} or {@code MathSolverPromptTests.java}
 * @param line the 1-based line the case starts on, or {@code 0} when there is no meaningful line (inline cases)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CaseOrigin(String file, int line) {

    public CaseOrigin {
        Objects.requireNonNull(file, "file");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 (unknown) or positive, got " + line);
        }
    }

    /** An origin without a line, e.g. a test class whose annotation defines the case. */
    public static CaseOrigin of(String file) {
        return new CaseOrigin(file, 0);
    }

    /** {@code file:line}, or just {@code file} when the line is unknown. */
    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line;
    }
}
