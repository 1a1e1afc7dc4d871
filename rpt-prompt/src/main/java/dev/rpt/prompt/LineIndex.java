package dev.rpt.prompt;

import java.util.Arrays;

/** Maps character offsets of a text to 1-based line numbers, so that every error can name its line. */
final class LineIndex {

    private final int[] lineStarts;

    LineIndex(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            // A lone CR is not a line break here: rpt only writes LF or CRLF files, and CRLF ends at the LF.
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    /** The 1-based line holding the character at {@code offset}. */
    int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }

    /** The offset where the 1-based {@code line} starts. */
    int startOf(int line) {
        return lineStarts[line - 1];
    }

    int lineCount() {
        return lineStarts.length;
    }
}
