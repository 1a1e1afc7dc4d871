package dev.rpt.sim;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The simulator's own configuration, read from the {@code rpt.sim.*} keys.
 *
 * @param answers the answer-key locations: file paths or classpath resources, in order; empty for no key
 * @param questionField the row field that holds the question text
 * @param answerField the row field that holds the reference answer
 */
@API(status = INTERNAL, since = "0.1")
public record SimOptions(List<String> answers, String questionField, String answerField) {

    /** The default question field, as GSM8K names it. */
    public static final String DEFAULT_QUESTION_FIELD = "question";

    /** The default answer field, as GSM8K names it. */
    public static final String DEFAULT_ANSWER_FIELD = "answer";

    public SimOptions {
        answers = List.copyOf(answers);
        Objects.requireNonNull(questionField, "questionField");
        Objects.requireNonNull(answerField, "answerField");
    }

    /** No answer key and the default field names. */
    public static SimOptions defaults() {
        return new SimOptions(List.of(), DEFAULT_QUESTION_FIELD, DEFAULT_ANSWER_FIELD);
    }

    /** One answer key with the default field names. */
    public static SimOptions ofAnswers(String... answers) {
        return new SimOptions(List.of(answers), DEFAULT_QUESTION_FIELD, DEFAULT_ANSWER_FIELD);
    }

    /** Reads {@code rpt.sim.answers}, {@code rpt.sim.question-field} and {@code rpt.sim.answer-field}. */
    public static SimOptions from(RptConfig config) {
        List<String> answers = config.string(RptConstants.SIM_ANSWERS)
                .map(value -> Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(path -> !path.isEmpty())
                        .toList())
                .orElse(List.of());
        return new SimOptions(
                answers,
                config.string(RptConstants.SIM_QUESTION_FIELD).orElse(DEFAULT_QUESTION_FIELD),
                config.string(RptConstants.SIM_ANSWER_FIELD).orElse(DEFAULT_ANSWER_FIELD));
    }
}
