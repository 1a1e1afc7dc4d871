package dev.rpt.prompt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Replaces one tool's {@code description} in a prompt file's front matter and leaves every other byte of the file as
 * it is: the tool's name and input schema (the application's contract), the other tools, comments, key order and
 * line endings. The new description is written as one double-quoted YAML scalar in place of the old value, whatever
 * its style (plain, quoted, or a {@code |} or {@code >} block over several lines).
 */
final class ToolDescriptionEditor {

    private ToolDescriptionEditor() {}

    /**
     * @param text the whole file
     * @param yamlStart the offset of the front matter's first character in {@code text}
     * @param yaml the front matter
     * @param index the tool's position in {@code tools}
     * @param description the new description
     * @return the file with the description replaced
     */
    static String edit(String text, int yamlStart, String yaml, int index, String description) {
        String pointer = "/tools/" + index + "/description";
        int keyColumn = -1;
        int valueStart = -1;
        try (JsonParser parser = YamlDocument.YAML.getFactory().createParser(yaml)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                String at = parser.getParsingContext().pathAsPointer().toString();
                if (token == JsonToken.FIELD_NAME && at.equals(pointer)) {
                    keyColumn = parser.currentTokenLocation().getColumnNr();
                } else if (keyColumn >= 0 && token.isScalarValue() && at.equals(pointer)) {
                    valueStart = (int) parser.currentTokenLocation().getCharOffset();
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (valueStart < 0) {
            throw new IllegalArgumentException("the front matter has no " + pointer);
        }
        int valueEnd = valueEnd(yaml, valueStart, keyColumn);
        return text.substring(0, yamlStart + valueStart) + quoted(description) + text.substring(yamlStart + valueEnd);
    }

    /**
     * Where the value that starts at {@code start} ends: the end of its line (before a comment, for a plain scalar),
     * or, when the following lines are indented deeper than its key (a block scalar or a scalar continued over
     * lines), the end of the last of them.
     */
    private static int valueEnd(String yaml, int start, int keyColumn) {
        int end = lineEnd(yaml, start);
        char first = yaml.charAt(start);
        if (first != '"' && first != '\'' && first != '|' && first != '>') {
            int comment = yaml.indexOf(" #", start);
            if (comment >= 0 && comment < end) {
                end = comment;
            }
        }
        int next = nextLine(yaml, lineEnd(yaml, start));
        while (next < yaml.length()) {
            int lineEnd = lineEnd(yaml, next);
            String line = yaml.substring(next, lineEnd);
            int indent = line.length() - line.stripLeading().length();
            if (!line.isBlank() && indent < keyColumn) {
                break;
            }
            if (!line.isBlank()) {
                end = lineEnd;
            }
            next = nextLine(yaml, lineEnd);
        }
        // Trailing blanks of a plain scalar stay where they were.
        while (end > start && (yaml.charAt(end - 1) == ' ' || yaml.charAt(end - 1) == '\t')) {
            end--;
        }
        return end;
    }

    private static int lineEnd(String yaml, int from) {
        int end = from;
        while (end < yaml.length() && yaml.charAt(end) != '\n' && yaml.charAt(end) != '\r') {
            end++;
        }
        return end;
    }

    private static int nextLine(String yaml, int lineEnd) {
        if (lineEnd < yaml.length() && yaml.charAt(lineEnd) == '\r') {
            lineEnd++;
        }
        return lineEnd < yaml.length() && yaml.charAt(lineEnd) == '\n' ? lineEnd + 1 : lineEnd;
    }

    /** A YAML double-quoted scalar: JSON's escapes are YAML's, so a JSON string literal is one. */
    private static String quoted(String description) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(description)) + "\"";
    }
}
