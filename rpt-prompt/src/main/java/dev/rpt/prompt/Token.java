package dev.rpt.prompt;

/**
 * One {@code {{...}}} tag of the body.
 *
 * @param kind what the tag is
 * @param start the offset of its first {@code {}, in the whole file
 * @param end the offset just after its last {@code }}
 * @param value the variable name for a placeholder, the role ({@code system} or {@code user}) for a marker, empty for
 *     a comment
 * @param line the 1-based file line it starts on
 */
record Token(Kind kind, int start, int end, String value, int line) {

    enum Kind {
        COMMENT,
        ROLE,
        VARIABLE
    }
}
