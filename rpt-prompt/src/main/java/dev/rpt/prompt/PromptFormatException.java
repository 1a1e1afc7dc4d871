package dev.rpt.prompt;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A prompt file is malformed: bad or unterminated front matter, an unknown key, an unknown placeholder or an
 * unsupported template construct. The message starts with {@code source:line:} and says how to fix the problem.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PromptFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final int line;

    /**
     * Creates the error.
     *
     * @param sourceName the file (or other source) name as given to {@link PromptFile#parse(String, String)}
     * @param line the 1-based line in the whole file, front matter included
     * @param problem what is wrong and how to fix it, without the location
     */
    public PromptFormatException(String sourceName, int line, String problem) {
        super(sourceName + ":" + line + ": " + problem);
        this.sourceName = sourceName;
        this.line = line;
    }

    /** The name of the source the error is in. */
    public String sourceName() {
        return sourceName;
    }

    /** The 1-based line in the whole file (the opening {@code ---} is line 1). */
    public int line() {
        return line;
    }
}
