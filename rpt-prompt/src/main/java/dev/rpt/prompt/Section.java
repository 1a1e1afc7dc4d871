package dev.rpt.prompt;

import java.util.List;

/**
 * Where one section lies in the file.
 *
 * @param role {@code system} or {@code user}
 * @param marker its {@code {{role ...}}} tag, or null for a user section made of the text before any marker
 * @param start the offset just after the marker (or the body start)
 * @param end the offset of the next marker, or the end of the file
 * @param coreStart the offset of the first character that is neither whitespace nor part of a comment
 * @param coreEnd the offset just after the last such character; equal to {@code coreStart} for an empty section
 * @param tokens the placeholders and comments inside {@code [start, end)}
 */
record Section(String role, Token marker, int start, int end, int coreStart, int coreEnd, List<Token> tokens) {

    Section {
        tokens = List.copyOf(tokens);
    }

    /** Lays out the section in {@code [start, end)}: finds its core, skipping leading and trailing comments. */
    static Section of(String role, Token marker, String text, int start, int end, List<Token> allTokens) {
        List<Token> inside = allTokens.stream()
                .filter(token -> token.start() >= start && token.end() <= end)
                .toList();
        int coreStart = start;
        int next = 0;
        while (coreStart < end) {
            if (next < inside.size()
                    && inside.get(next).start() == coreStart
                    && inside.get(next).kind() == Token.Kind.COMMENT) {
                coreStart = inside.get(next++).end();
            } else if (Character.isWhitespace(text.charAt(coreStart))) {
                coreStart++;
            } else {
                break;
            }
        }
        int coreEnd = end;
        int previous = inside.size() - 1;
        while (coreEnd > coreStart) {
            if (previous >= 0
                    && inside.get(previous).end() == coreEnd
                    && inside.get(previous).kind() == Token.Kind.COMMENT) {
                coreEnd = inside.get(previous--).start();
            } else if (Character.isWhitespace(text.charAt(coreEnd - 1))) {
                coreEnd--;
            } else {
                break;
            }
        }
        return new Section(role, marker, start, end, coreStart, Math.max(coreStart, coreEnd), inside);
    }

    boolean isEmpty() {
        return coreStart == coreEnd;
    }
}
