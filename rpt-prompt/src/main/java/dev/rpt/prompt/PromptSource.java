package dev.rpt.prompt;

/**
 * A prompt file split at its front matter.
 *
 * @param yaml the text between the {@code ---} lines, or null when the file has no front matter
 * @param yamlFirstLine the file line of the YAML's first line
 * @param bodyStart the offset where the body (the template) starts
 */
record PromptSource(String yaml, int yamlFirstLine, int bodyStart) {

    private static final String FENCE = "---";

    /** Splits {@code text}; an opening {@code ---} without a closing one is an error at line 1. */
    static PromptSource split(String sourceName, String text, LineIndex lines) {
        if (!isFence(line(text, lines, 1))) {
            return new PromptSource(null, 0, 0);
        }
        for (int line = 2; line <= lines.lineCount(); line++) {
            if (isFence(line(text, lines, line))) {
                String yaml = text.substring(lines.startOf(2), lines.startOf(line));
                int bodyStart = line < lines.lineCount() ? lines.startOf(line + 1) : text.length();
                return new PromptSource(yaml, 2, bodyStart);
            }
        }
        throw new PromptFormatException(
                sourceName,
                1,
                "the front matter opened by `---` on line 1 is never closed. Add a line with just `---` after the"
                        + " last front-matter key, before the prompt text.");
    }

    private static String line(String text, LineIndex lines, int line) {
        int start = lines.startOf(line);
        int end = line < lines.lineCount() ? lines.startOf(line + 1) : text.length();
        return text.substring(start, end);
    }

    private static boolean isFence(String line) {
        String content = line.startsWith("\uFEFF") ? line.substring(1) : line;
        return content.stripTrailing().equals(FENCE);
    }
}
