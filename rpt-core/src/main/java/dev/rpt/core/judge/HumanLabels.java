package dev.rpt.core.judge;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.rpt.core.files.JsonFiles;
import dev.rpt.core.files.Sha256;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Human verdicts kept apart from the cases, keyed by case and answer: a JSON Lines file in which each line gives a
 * person's verdict on one criterion for one answer of one case. Because a verdict names the answer it grades (by its
 * text or the SHA-256 of that text), verdicts on every model's answers accumulate in one file and each stays valid
 * for as long as that answer recurs, where a case file's criterion column grades one {@code labelled-answer} only.
 *
 * <pre>{@code
 * {"class": "SupportReplyTests", "case": "late-parcel", "criterion": "apologises", "verdict": true,
 *  "answer": "Sorry for the wait. We have refunded $25"}
 * {"class": "SupportReplyTests", "case": "late-parcel", "criterion": "apologises", "verdict": false,
 *  "answerSha256": "3f1c…"}
 * }</pre>
 *
 * <p>An answer is compared whitespace aside, as the {@code labelled-answer} column is: its SHA-256 is that of the
 * text with every run of whitespace made one space and the ends trimmed ({@link #answerSha256}). {@code class} is the
 * test class's simple or fully qualified name. Blank lines and lines starting with {@code //} are skipped. Two lines
 * that give different verdicts on one answer are an error, as is any line that cannot be read: the file is one
 * source of truth, and a verdict silently dropped or overridden would change kappa without a word.
 */
@API(status = INTERNAL, since = "0.3")
public final class HumanLabels {

    /** No labels file: every verdict comes from the case files' columns. */
    public static final HumanLabels NONE = new HumanLabels(Map.of());

    private static final ObjectReader LINE = JsonFiles.mapper().readerFor(Line.class);

    /** Verdict by (class, case, answer hash) and then criterion. */
    private final Map<Key, Map<String, Boolean>> verdicts;

    private HumanLabels(Map<Key, Map<String, Boolean>> verdicts) {
        this.verdicts = verdicts;
    }

    /**
     * Reads a labels file.
     *
     * @throws IllegalArgumentException naming {@code file:line}, what is wrong and how to fix it, for the first line
     *     that cannot be read or contradicts an earlier one
     * @throws UncheckedIOException when the file cannot be read at all
     */
    public static HumanLabels read(Path file) {
        Map<Key, Map<String, Boolean>> verdicts = new HashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                String trimmed = text.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("//")) {
                    continue;
                }
                String where = file + ":" + number;
                Line line;
                try {
                    line = LINE.readValue(trimmed);
                } catch (JacksonException e) {
                    // A check of the record's own fails inside Jackson; its message is the one to show.
                    String why = e.getCause() instanceof IllegalArgumentException check
                            ? check.getMessage()
                            : e.getOriginalMessage();
                    throw new IllegalArgumentException(
                            where + ": not a label: " + why + ". Write one JSON object per line, e.g. " + EXAMPLE);
                }
                String hash = line.hash(where);
                Key key = new Key(simpleName(line.className()), line.caseId(), hash);
                Boolean earlier = verdicts.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .putIfAbsent(line.criterion(), line.verdict());
                String id = key + "/" + line.criterion();
                firstLine.putIfAbsent(id, number);
                if (earlier != null && !earlier.equals(line.verdict())) {
                    throw new IllegalArgumentException(where + ": the verdict on criterion '" + line.criterion()
                            + "' for this answer of case '" + line.caseId() + "' is " + line.verdict() + ", but line "
                            + firstLine.get(id) + " says " + earlier + ". Keep one of them.");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the labels file " + file + ": " + e.getMessage(), e);
        }
        return new HumanLabels(verdicts);
    }

    /**
     * The people's verdicts, by criterion, on one answer of one case.
     *
     * @param className the test class, fully qualified or simple
     * @param caseId the case's id
     * @param answer the answer's text as the model gave it
     */
    public Map<String, Boolean> verdicts(String className, String caseId, String answer) {
        if (verdicts.isEmpty()) {
            return Map.of();
        }
        return verdicts.getOrDefault(new Key(simpleName(className), caseId, answerSha256(answer)), Map.of());
    }

    /** Whether the file held no label. */
    public boolean isEmpty() {
        return verdicts.isEmpty();
    }

    /** The SHA-256 a label names an answer by: of the text with whitespace runs made one space, ends trimmed. */
    public static String answerSha256(String answer) {
        return Sha256.hex(normalized(answer));
    }

    static String normalized(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static final String EXAMPLE = "{\"class\": \"SupportReplyTests\", \"case\": \"late-parcel\", \"criterion\":"
            + " \"apologises\", \"verdict\": true, \"answer\": \"Sorry for the wait.\"}";

    private record Key(String className, String caseId, String answerSha256) {
        @Override
        public String toString() {
            return className + "/" + caseId + "/" + answerSha256;
        }
    }

    /** One line of the file, as written. */
    private record Line(
            @JsonProperty("class") String className,
            @JsonProperty("case") String caseId,
            String criterion,
            Boolean verdict,
            String answer,
            String answerSha256) {

        Line {
            require(className, "class");
            require(caseId, "case");
            require(criterion, "criterion");
            if (verdict == null) {
                throw new IllegalArgumentException("verdict: missing; write true or false");
            }
        }

        /** The answer's hash: given, or computed from the text; both given must agree. */
        String hash(String where) {
            if (answer == null && answerSha256 == null) {
                throw new IllegalArgumentException(where + ": names no answer; give the answer graded, as \"answer\""
                        + " (its text) or \"answerSha256\" (see docs/judged-prompts.md)");
            }
            if (answerSha256 != null && !answerSha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException(
                        where + ": answerSha256 '" + answerSha256 + "' is not 64 lower-case hex digits");
            }
            String fromText = answer == null ? null : HumanLabels.answerSha256(answer);
            if (fromText != null && answerSha256 != null && !fromText.equals(answerSha256)) {
                throw new IllegalArgumentException(
                        where + ": answer and answerSha256 name different answers; give" + " one of them");
            }
            return Objects.requireNonNullElse(answerSha256, fromText);
        }

        private static void require(String value, String field) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(
                        field + ": missing; every label names its class, case and" + " criterion");
            }
        }
    }

    /** Reads {@code file} when it exists, else {@link #NONE}. */
    public static HumanLabels readIfPresent(Path file) {
        return Files.isRegularFile(file) ? read(file) : NONE;
    }
}
