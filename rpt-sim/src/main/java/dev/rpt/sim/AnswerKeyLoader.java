package dev.rpt.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConstants;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads answer-key files: JSONL (one object per line), or a JSON file holding an object with an {@code examples}
 * array (BIG-Bench Hard) or a top-level array. Each location is a file path or, failing that, a classpath resource.
 */
final class AnswerKeyLoader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerKeyLoader() {}

    /** Loads and indexes every location of the options. */
    static AnswerKey load(SimOptions options) {
        List<KeyEntry> entries = new ArrayList<>();
        for (String location : options.answers()) {
            entries.addAll(read(location, readText(location), options));
        }
        return AnswerKey.of(entries);
    }

    static List<KeyEntry> read(String location, String content, SimOptions options) {
        String trimmed = content.stripLeading();
        if (location.endsWith(".json") || trimmed.startsWith("[")) {
            return readJson(location, content, options);
        }
        List<KeyEntry> entries = new ArrayList<>();
        List<String> lines = content.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.strip().startsWith("//")) {
                continue;
            }
            String where = location + " line " + (i + 1);
            entries.add(entry(parse(where, line), where, options));
        }
        return entries;
    }

    private static List<KeyEntry> readJson(String location, String content, SimOptions options) {
        JsonNode root = parse(location, content);
        JsonNode rows = root.isArray() ? root : root.path("examples");
        if (!rows.isArray()) {
            throw new ConfigException(RptConstants.SIM_ANSWERS + ": " + location
                    + " is neither JSONL nor a JSON array nor an object with an 'examples' array."
                    + " Write one JSON object per line in a .jsonl file.");
        }
        List<KeyEntry> entries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String where = location + " row " + (i + 1);
            entries.add(entry(rows.get(i), where, options));
        }
        return entries;
    }

    private static KeyEntry entry(JsonNode row, String where, SimOptions options) {
        return KeyEntryParser.parse(
                field(row, options.questionField(), RptConstants.SIM_QUESTION_FIELD, where),
                field(row, options.answerField(), RptConstants.SIM_ANSWER_FIELD, where));
    }

    private static String field(JsonNode row, String field, String key, String where) {
        JsonNode value = row.get(field);
        if (value == null
                || value.isNull()
                || value.isContainerNode()
                || value.asText().isBlank()) {
            throw new ConfigException(RptConstants.SIM_ANSWERS + ": " + where + " has no text field '" + field
                    + "'. Set " + key + " to the field name the file uses (for BIG-Bench Hard: "
                    + RptConstants.SIM_QUESTION_FIELD + "=input, " + RptConstants.SIM_ANSWER_FIELD + "=target).");
        }
        return value.asText();
    }

    private static JsonNode parse(String where, String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException(RptConstants.SIM_ANSWERS + ": " + where + " is not valid JSON ("
                    + e.getOriginalMessage() + "). Fix the file or remove it from " + RptConstants.SIM_ANSWERS
                    + ".");
        }
    }

    private static String readText(String location) {
        Path path = Path.of(location);
        try {
            if (Files.isRegularFile(path)) {
                return Files.readString(path, StandardCharsets.UTF_8);
            }
            String resource = location.startsWith("/") ? location.substring(1) : location;
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                loader = AnswerKeyLoader.class.getClassLoader();
            }
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new ConfigException(RptConstants.SIM_ANSWERS + ": '" + location
                            + "' is neither a file (relative to " + Path.of("").toAbsolutePath()
                            + ") nor a classpath resource. Fix the path or remove it from "
                            + RptConstants.SIM_ANSWERS + ".");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read simulator answer key " + location, e);
        }
    }
}
