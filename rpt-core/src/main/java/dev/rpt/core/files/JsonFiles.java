package dev.rpt.core.files;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.rpt.api.Usage;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Reads and writes rpt's JSON files through Jackson databinding of records, with one shared configuration:
 *
 * <ul>
 *   <li>indented output with a final newline, so that committed files (baselines) diff well;
 *   <li>{@code Optional} and {@code OptionalDouble} as a value or {@code null};
 *   <li>unknown fields ignored, so that adding a field keeps a format's version (see the package's versioning rule);
 *   <li>trailing content after the top-level value refused, and {@code null} for a number refused.
 * </ul>
 *
 * <p>A format's owner declares its shape as records ({@code @JsonPropertyOrder} fixes the field order) and checks
 * what a type cannot say in its compact constructors; a failure there, or a type mismatch, becomes one {@link
 * JsonFileException} naming the field by its path, e.g. {@code classes[0].metrics.n}.
 */
@API(status = INTERNAL, since = "0.1")
public final class JsonFiles {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new SimpleModule("rpt-usage").addDeserializer(Usage.class, new UsageDeserializer()))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    // "outcome: must be ..." or "sampleOutcomes[1].outcome: ...": a record's check naming its field.
    private static final Pattern FIELD_PROBLEM =
            Pattern.compile("(?s)([A-Za-z][A-Za-z0-9]*(?:\\[\\d+]|\\.[A-Za-z][A-Za-z0-9]*)*): (.*)");

    // Jackson's " (start marker at [Source: REDACTED ...; line: 2, column: 17])": the location is stated once, above.
    private static final Pattern SOURCE = Pattern.compile("\\s*\\(start marker at \\[Source:.*?]\\)");

    private JsonFiles() {}

    /** The shared mapper, for formats that stream (the run report) or embed JSON in other text. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The value as indented JSON text with a final newline. */
    public static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            // Records of strings, numbers and lists always serialize; a failure is a bug in the format's types.
            throw new IllegalStateException(
                    "cannot serialize " + value.getClass().getName(), e);
        }
    }

    /** The value as one line of JSON, e.g. a tool result for a model or a line of a JSONL file. */
    public static String compactText(Object value) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialize " + value.getClass().getName(), e);
        }
    }

    /** Writes the value atomically: readers see the old file or the new one, never a part. */
    public static void write(Path file, Object value) throws IOException {
        AtomicFiles.writeString(file, text(value));
    }

    /**
     * Reads a file as a JSON tree, to look at its version before binding it.
     *
     * @throws NoSuchFileException when the file does not exist
     * @throws JsonFileException when it is not one JSON value, with the line and column
     */
    public static JsonNode readTree(Path file) throws IOException {
        try {
            JsonNode tree = MAPPER.readTree(file.toFile());
            if (tree == null || tree.isMissingNode()) {
                throw new JsonFileException("the top level", "must be a JSON object, and the file is empty");
            }
            return tree;
        } catch (java.io.FileNotFoundException e) {
            throw new NoSuchFileException(file.toString());
        } catch (JsonMappingException e) {
            throw failure(e);
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        }
    }

    /**
     * Reads JSON text (not a file) as a tree, to look at its version before binding it.
     *
     * @throws JsonFileException when it is not one JSON value, with the line and column
     */
    public static JsonNode readTree(String text) throws JsonFileException {
        try {
            JsonNode tree = MAPPER.readTree(text);
            if (tree == null || tree.isMissingNode()) {
                throw new JsonFileException("the top level", "must be a JSON object, and the text is empty");
            }
            return tree;
        } catch (JsonMappingException e) {
            throw failure(e);
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        }
    }

    /** Binds a tree to a format's record, or says which field is wrong. */
    public static <T> T bind(JsonNode tree, Class<T> type) throws JsonFileException {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            throw failure(e);
        } catch (JsonProcessingException e) {
            throw new JsonFileException("the top level", e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new JsonFileException("the top level", e.getMessage());
        }
    }

    /** The integer {@code field} of the top level, or -1 when it is absent or not an integer. */
    public static int version(JsonNode tree, String field) {
        JsonNode version = tree.path(field);
        return version.isInt() ? version.asInt() : -1;
    }

    /** Binds JSON text (not a file) to a type, e.g. an entry read by the cache. */
    public static <T> T parse(String text, Class<T> type) throws JsonFileException {
        try {
            return bind(MAPPER.readTree(text), type);
        } catch (JsonFileException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        }
    }

    /** Broken JSON: where the parser gave up, and why, without Jackson's source description. */
    private static JsonFileException syntaxError(JsonProcessingException e) {
        String why = SOURCE.matcher(e.getOriginalMessage()).replaceAll("");
        return e.getLocation() == null
                ? new JsonFileException("the top level", "is not valid JSON: " + why)
                : new JsonFileException(
                        "line " + e.getLocation().getLineNr() + ", column "
                                + e.getLocation().getColumnNr(),
                        "is not valid JSON: " + why);
    }

    /** {@code classes[0].metrics.n} from Jackson's reference chain. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            }
        }
        return path.length() == 0 ? "the top level" : path.toString();
    }

    /** What is wrong, in words: the check that failed in a record, or Jackson's own first line. */
    private static String problem(JsonMappingException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
            return cause.getMessage();
        }
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /**
     * The exception for a binding failure. A record's check names its own field ({@code "outcome: must be …"}, see
     * {@link JsonChecks}), which extends the path Jackson knows (the record) to the field.
     */
    private static JsonFileException failure(JsonMappingException e) {
        String path = path(e);
        String problem = problem(e);
        Matcher field = FIELD_PROBLEM.matcher(problem == null ? "" : problem);
        if (field.matches()) {
            return new JsonFileException(
                    path.equals("the top level") ? field.group(1) : path + "." + field.group(1), field.group(2));
        }
        return new JsonFileException(path, problem);
    }
}
