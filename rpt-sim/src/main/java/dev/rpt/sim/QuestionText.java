package dev.rpt.sim;

import java.util.Locale;

/** The one normalization both the answer key and incoming prompts go through, so that they can be compared. */
final class QuestionText {

    private QuestionText() {}

    /** Lower case, every run of whitespace turned into one space, no leading or trailing space. */
    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
