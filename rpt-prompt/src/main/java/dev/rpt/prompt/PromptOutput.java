package dev.rpt.prompt;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rpt.chat.JsonSchema;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * What a prompt file says about its reply ({@code output} in the front matter): free text, JSON of a schema, or
 * nothing; and for a text reply, where the answer and the confidence are in it. An application that ships the prompt
 * reads its replies with {@link #extract}, exactly as the prompt's tests do.
 *
 * @param format what the prompt declares
 * @param schema {@code output.schema} as JSON Schema, for {@link Format#JSON}
 * @param answer {@code output.answer}: where the answer is in a text reply; without it the whole reply is the answer
 * @param confidence {@code output.confidence}: where a stated confidence is in a text reply, if anywhere
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PromptOutput(
        Format format, Optional<JsonSchema> schema, Optional<ReplyPattern> answer, Optional<ReplyPattern> confidence) {

    /** What a prompt declares about its reply. */
    public enum Format {
        /** No {@code output}: the test engine asks for its calibration default, {@code {answer, confidence, justification}}. */
        UNDECLARED,
        /** {@code output.format: text}, or an {@code output.answer} pattern: the reply is prose; no structure is asked for. */
        TEXT,
        /** {@code output.schema}: the reply is JSON of that schema, sent to the model as structured output. */
        JSON
    }

    /** A prompt that declares nothing about its output. */
    public static final PromptOutput UNDECLARED =
            new PromptOutput(Format.UNDECLARED, Optional.empty(), Optional.empty(), Optional.empty());

    public PromptOutput {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(confidence, "confidence");
        if ((format == Format.JSON) != schema.isPresent()) {
            throw new IllegalArgumentException("a JSON output has a schema, and only a JSON output has one");
        }
        if (format != Format.TEXT && (answer.isPresent() || confidence.isPresent())) {
            throw new IllegalArgumentException("answer and confidence patterns apply to text output only");
        }
    }

    /**
     * The answer and confidence of a text reply, as the prompt declares them.
     *
     * <ul>
     *   <li>With {@code output.answer}: the pattern's group at its first match, stripped; empty when the pattern does
     *       not match (the reply does not state an answer where the prompt says it would).
     *   <li>Without it: the whole reply, stripped.
     *   <li>The confidence: the {@code output.confidence} group at its first match, a number in [0, 1] or a
     *       percentage such as {@code 85%}; empty when there is no pattern, no match, or a value out of range. It is
     *       never defaulted.
     * </ul>
     */
    public Extracted extract(String reply) {
        Objects.requireNonNull(reply, "reply");
        Optional<String> text =
                answer.isPresent() ? answer.get().find(reply).map(String::strip) : Optional.of(reply.strip());
        OptionalDouble stated = confidence
                .flatMap(pattern -> pattern.find(reply))
                .map(PromptOutput::probability)
                .orElse(OptionalDouble.empty());
        return new Extracted(text, stated);
    }

    /**
     * A stated confidence: a number in [0, 1] such as {@code 0.8}, or a percentage such as {@code 80%}; empty when it
     * is neither or out of range, never defaulted.
     */
    public static OptionalDouble probability(String text) {
        String value = text.strip();
        boolean percent = value.endsWith("%");
        if (percent) {
            value = value.substring(0, value.length() - 1).strip();
        }
        try {
            double number = Double.parseDouble(value) / (percent ? 100 : 1);
            return number >= 0 && number <= 1 ? OptionalDouble.of(number) : OptionalDouble.empty();
        } catch (NumberFormatException notANumber) {
            return OptionalDouble.empty();
        }
    }

    /**
     * What a text reply says.
     *
     * @param answer the answer, empty when the reply does not state one where the prompt says it is
     * @param confidence the stated confidence, empty when there is none
     */
    public record Extracted(Optional<String> answer, OptionalDouble confidence) {

        public Extracted {
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(confidence, "confidence");
        }
    }
}
