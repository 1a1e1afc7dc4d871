package dev.rpt.prompt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders one section: drops comments (with their whole line when they stand alone on it, as Handlebars does),
 * inserts variable values verbatim, trims the section and writes line breaks as {@code \n}.
 */
final class SectionRenderer {

    private SectionRenderer() {}

    /**
     * Renders {@code section}. Variables without a value are added to {@code missing} (name to lines) instead of
     * failing at once, so that the caller can report all of them together.
     */
    static String render(String text, Section section, Map<String, String> values, Map<String, List<Integer>> missing) {
        List<Boolean> literals = new ArrayList<>();
        List<String> pieces = new ArrayList<>();
        int position = section.start();
        for (Token token : section.tokens()) {
            if (token.kind() == Token.Kind.COMMENT) {
                int lineStart = text.lastIndexOf('\n', token.start() - 1) + 1;
                int lineEnd = text.indexOf('\n', token.end());
                int afterLine = lineEnd < 0 ? text.length() : lineEnd + 1;
                boolean standalone = lineStart >= position
                        && text.substring(lineStart, token.start()).isBlank()
                        && text.substring(token.end(), lineEnd < 0 ? text.length() : lineEnd)
                                .isBlank()
                        && afterLine <= section.end();
                add(pieces, literals, text.substring(position, standalone ? lineStart : token.start()), true);
                position = standalone ? afterLine : token.end();
            } else {
                add(pieces, literals, text.substring(position, token.start()), true);
                String value = values.get(token.value());
                if (value == null) {
                    missing.computeIfAbsent(token.value(), name -> new ArrayList<>())
                            .add(token.line());
                    value = "";
                }
                add(pieces, literals, value, false);
                position = token.end();
            }
        }
        add(pieces, literals, text.substring(position, section.end()), true);
        return join(pieces, literals);
    }

    private static void add(List<String> pieces, List<Boolean> literals, String piece, boolean literal) {
        pieces.add(literal ? LineEndings.convert(piece, LineEndings.LF) : piece);
        literals.add(literal);
    }

    // Trim only template text at the ends: a value is inserted verbatim even when it starts or ends with spaces.
    // Empty values are transparent, so that an unset optional variable at the end leaves no dangling space.
    private static String join(List<String> pieces, List<Boolean> literals) {
        for (int first = 0; first < pieces.size(); first++) {
            if (literals.get(first)) {
                pieces.set(first, pieces.get(first).stripLeading());
            }
            if (!pieces.get(first).isEmpty()) {
                break;
            }
        }
        for (int last = pieces.size() - 1; last >= 0; last--) {
            if (literals.get(last)) {
                pieces.set(last, pieces.get(last).stripTrailing());
            }
            if (!pieces.get(last).isEmpty()) {
                break;
            }
        }
        return String.join("", pieces);
    }

    /** The values to insert: optional declared variables without a value render as the empty string. */
    static Map<String, String> values(PromptFrontMatter frontMatter, Map<String, ?> given) {
        Map<String, String> values = new LinkedHashMap<>();
        frontMatter
                .variables()
                .ifPresent(variables -> variables.stream()
                        .filter(variable -> !variable.required())
                        .forEach(variable -> values.put(variable.name(), "")));
        given.forEach((name, value) -> {
            if (value != null) {
                values.put(name, String.valueOf(value));
            }
        });
        return values;
    }
}
