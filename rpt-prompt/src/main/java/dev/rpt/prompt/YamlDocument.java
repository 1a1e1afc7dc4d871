package dev.rpt.prompt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The front matter's YAML as a tree, plus the file line of every key, so that validation errors can point at the
 * key rather than at the front matter as a whole.
 *
 * @param root the parsed document; a missing node for empty front matter
 * @param keyLines the 1-based file line of each key, by JSON Pointer ({@code /config/temperature})
 * @param firstLine the file line of the YAML's first line (the line after the opening {@code ---})
 */
record YamlDocument(JsonNode root, Map<String, Integer> keyLines, int firstLine) {

    static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Parses {@code yaml}, whose first line is line {@code firstLine} of the file {@code sourceName}. */
    static YamlDocument parse(String sourceName, String yaml, int firstLine) {
        try {
            JsonNode root = YAML.readTree(yaml);
            return new YamlDocument(root, keyLines(yaml, firstLine), firstLine);
        } catch (JsonProcessingException e) {
            int yamlLine =
                    e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw new PromptFormatException(
                    sourceName,
                    firstLine + yamlLine - 1,
                    "invalid YAML in the front matter: " + problem(e.getOriginalMessage())
                            + ". Fix the YAML between the two --- lines.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file line of the key at {@code pointer}, or of the front matter's first line if unknown. */
    int lineOf(String pointer) {
        return keyLines.getOrDefault(pointer, firstLine);
    }

    private static Map<String, Integer> keyLines(String yaml, int firstLine) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.getFactory().createParser(yaml)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    lines.putIfAbsent(
                            parser.getParsingContext().pathAsPointer().toString(),
                            firstLine + parser.currentTokenLocation().getLineNr() - 1);
                }
            }
        }
        return lines;
    }

    // SnakeYAML appends "in 'reader', line N" and a source excerpt with YAML-relative lines; those would contradict
    // the file line we report, so keep only the unindented problem statements.
    private static String problem(String message) {
        String kept = message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .map(String::strip)
                .collect(Collectors.joining("; "));
        return kept.isEmpty() ? "unreadable YAML" : kept;
    }
}
