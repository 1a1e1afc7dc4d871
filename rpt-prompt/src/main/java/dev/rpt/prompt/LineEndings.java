package dev.rpt.prompt;

/** Detects a file's dominant line ending and converts new text to it. */
final class LineEndings {

    static final String LF = "\n";
    static final String CRLF = "\r\n";

    private LineEndings() {}

    /** {@code \r\n} when most line breaks of {@code text} are CRLF, else {@code \n} (also for text without any). */
    static String dominant(String text) {
        int crlf = 0;
        int lf = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (i > 0 && text.charAt(i - 1) == '\r') {
                    crlf++;
                } else {
                    lf++;
                }
            }
        }
        return crlf > lf ? CRLF : LF;
    }

    /** {@code text} with every line break (CRLF, LF or a lone CR) replaced by {@code eol}. */
    static String convert(String text, String eol) {
        return text.replaceAll("\r\n|\r|\n", eol.equals(CRLF) ? "\r\n" : "\n");
    }
}
