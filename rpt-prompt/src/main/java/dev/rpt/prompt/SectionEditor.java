package dev.rpt.prompt;

import java.util.Optional;

/**
 * Replaces the core of the system and/or user section (see {@link Section}) and nothing else, so that the front
 * matter, the role markers, comments before and after a section's text and the whitespace around it stay byte for
 * byte. Edits are applied from the end of the file backwards so that earlier offsets remain valid.
 */
final class SectionEditor {

    private static final String SYSTEM_MARKER = "{{role \"system\"}}";
    private static final String USER_MARKER = "{{role \"user\"}}";

    private SectionEditor() {}

    static String edit(
            String text, int bodyStart, Optional<Section> system, Section user, String systemText, String userText) {
        String eol = LineEndings.dominant(text);
        StringBuilder result = new StringBuilder(text);
        Section later = user;
        Section earlier = system.orElse(null);
        String laterText = userText;
        String earlierText = systemText;
        if (earlier != null && earlier.start() > later.start()) {
            later = earlier;
            earlier = user;
            laterText = systemText;
            earlierText = userText;
        }
        if (laterText != null) {
            replace(result, text, later, normalize(laterText, eol), eol);
        }
        if (earlier != null && earlierText != null) {
            replace(result, text, earlier, normalize(earlierText, eol), eol);
        }
        if (system.isEmpty() && systemText != null) {
            insertSystem(result, text, bodyStart, user, normalize(systemText, eol), eol);
        }
        return result.toString();
    }

    private static String normalize(String newText, String eol) {
        return LineEndings.convert(newText.strip(), eol);
    }

    private static void replace(StringBuilder result, String text, Section section, String newText, String eol) {
        if (!section.isEmpty()) {
            result.replace(section.coreStart(), section.coreEnd(), newText);
            return;
        }
        // An empty section has no core to replace: put the text on its own line after any comments it holds.
        int at = section.tokens().isEmpty()
                ? section.start()
                : section.tokens().get(section.tokens().size() - 1).end();
        String before = text.startsWith(eol, at) ? "" : eol;
        if (!before.isEmpty()) {
            result.insert(at, eol + newText);
            return;
        }
        int afterEol = at + eol.length();
        boolean followedByMarker = section.end() < text.length();
        boolean hasMoreBreaks = text.substring(afterEol, section.end()).contains("\n");
        String after = followedByMarker && !hasMoreBreaks ? eol : "";
        result.insert(afterEol, newText + after);
    }

    private static void insertSystem(
            StringBuilder result, String text, int bodyStart, Section user, String newText, String eol) {
        StringBuilder block = new StringBuilder();
        if (bodyStart == text.length() && bodyStart > 0 && text.charAt(bodyStart - 1) != '\n') {
            block.append(eol);
        }
        block.append(SYSTEM_MARKER).append(eol).append(newText).append(eol);
        if (user.marker() == null) {
            // The user text was the text before any marker; below a system marker it needs its own.
            block.append(eol).append(USER_MARKER).append(eol);
        } else {
            block.append(eol);
        }
        result.insert(bodyStart, block);
    }
}
