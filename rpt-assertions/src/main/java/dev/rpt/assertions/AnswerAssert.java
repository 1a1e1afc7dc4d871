package dev.rpt.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.api.Answer;
import dev.rpt.api.Judgement;
import dev.rpt.core.eval.AnswerAssertionError;
import dev.rpt.core.eval.AnswerText;
import dev.rpt.core.eval.FailureKind;
import dev.rpt.core.model.Excerpt;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions about one {@link Answer}. Failures say what was expected, what the model answered (trimmed) and its
 * confidence, and carry a {@link FailureKind} for the run report.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AnswerAssert extends AbstractAssert<AnswerAssert, Answer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Long answers are quoted by their start and their end, where a chain of thought puts its answer. */
    private static final int ANSWER_EXCERPT = 200;

    AnswerAssert(Answer actual) {
        super(actual, AnswerAssert.class);
    }

    /** Plain AssertJ string assertions on the answer text; their failures have kind {@code other}. */
    public AbstractStringAssert<?> text() {
        isNotNull();
        return Assertions.assertThat(actual.text()).as("answer text");
    }

    /** The answer text equals {@code expected} exactly. */
    public AnswerAssert isEqualTo(String expected) {
        answered();
        if (!actual.text().equals(expected)) {
            throw failure(FailureKind.VALUE, "answer equal to " + quote(expected));
        }
        return this;
    }

    /**
     * The answer text equals {@code expected} ignoring case, and nothing else: {@code (b)} equals {@code (B)}, but
     * {@code -16} does not equal {@code -1}. This is how BIG-Bench Hard's chain-of-thought evaluation compares an
     * extracted answer with its target.
     */
    public AnswerAssert isEqualToIgnoringCase(String expected) {
        answered();
        if (!actual.text().equalsIgnoreCase(expected)) {
            throw failure(FailureKind.VALUE, "answer equal to " + quote(expected) + " (ignoring case)");
        }
        return this;
    }

    /**
     * The answer text equals {@code expected} after normalisation on both sides: case, whitespace, punctuation and the
     * articles a, an, the are ignored.
     */
    public AnswerAssert isEqualToNormalized(String expected) {
        answered();
        if (!AnswerText.normalize(actual.text()).equals(AnswerText.normalize(expected))) {
            throw failure(FailureKind.VALUE, "answer equal to " + quote(expected) + " (normalized)");
        }
        return this;
    }

    /** The answer holds exactly one number and it equals {@code expected}. */
    public AnswerAssert isNumericallyEqualTo(String expected) {
        return isNumericallyEqualTo(expected, 0);
    }

    /** The answer holds exactly one number and it equals {@code expected}. */
    public AnswerAssert isNumericallyEqualTo(Number expected) {
        return isNumericallyEqualTo(expected.toString(), 0);
    }

    /**
     * The answer holds exactly one number, and it is within {@code tolerance} of {@code expected}. An answer with no
     * number, or with several different numbers, fails as a format error: which one the model meant is ambiguous.
     */
    public AnswerAssert isNumericallyEqualTo(String expected, double tolerance) {
        answered();
        List<BigDecimal> expectedNumbers = AnswerText.numbers(expected);
        if (expectedNumbers.size() != 1) {
            throw new IllegalArgumentException("expected value " + quote(expected) + " must hold exactly one number");
        }
        BigDecimal wanted = expectedNumbers.get(0);
        List<BigDecimal> found = AnswerText.numbers(actual.text());
        String expectation = "the number " + wanted.toPlainString() + (tolerance > 0 ? " ± " + tolerance : "");
        if (found.isEmpty()) {
            throw failure(FailureKind.FORMAT, expectation, "the answer holds no number");
        }
        if (found.size() > 1) {
            throw failure(FailureKind.FORMAT, expectation, "the answer holds several numbers " + found);
        }
        if (found.get(0).subtract(wanted).abs().doubleValue() > tolerance) {
            throw failure(FailureKind.VALUE, expectation);
        }
        return this;
    }

    /**
     * The <em>whole</em> answer text matches the regular expression, as {@link String#matches} does: {@code
     * matches("18")} fails on {@code "It is 18"}. To find where the answer is in a longer reply, declare {@code
     * output.answer} in the prompt instead (docs/prompt-format.md), and assert on the answer it extracts.
     */
    public AnswerAssert matches(String regex) {
        answered();
        if (!Pattern.compile(regex, Pattern.DOTALL).matcher(actual.text()).matches()) {
            throw failure(FailureKind.FORMAT, "answer matching /" + regex + "/");
        }
        return this;
    }

    /** The answer text, normalized, equals one of the options, normalized. */
    public AnswerAssert isOneOf(String... options) {
        answered();
        String normalized = AnswerText.normalize(actual.text());
        boolean any = Arrays.stream(options).map(AnswerText::normalize).anyMatch(normalized::equals);
        if (!any) {
            throw failure(FailureKind.VALUE, "answer one of " + Arrays.toString(options));
        }
        return this;
    }

    /** The answer text contains {@code expected}, ignoring case. */
    public AnswerAssert contains(String expected) {
        answered();
        if (!actual.text().toLowerCase(Locale.ROOT).contains(expected.toLowerCase(Locale.ROOT))) {
            throw failure(FailureKind.VALUE, "answer containing " + quote(expected));
        }
        return this;
    }

    /** The answer text is a valid JSON document. */
    public AnswerAssert isValidJson() {
        json();
        return this;
    }

    /**
     * The JSON answer has {@code expected} at the JSON Pointer {@code pointer}, e.g. {@code /items/0/name}. Values are
     * compared as text, so {@code 18} matches {@code "18"}.
     */
    public AnswerAssert hasJsonValue(String pointer, String expected) {
        JsonNode value = json().at(pointer);
        if (value.isMissingNode()) {
            throw failure(FailureKind.MISSING, "a JSON value at " + pointer);
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
        if (!text.equals(expected)) {
            throw failure(FailureKind.VALUE, quote(expected) + " at " + pointer, "found " + quote(text));
        }
        return this;
    }

    /** The reply called the named tool, with any arguments. */
    public AnswerAssert calledTool(String name) {
        isNotNull();
        if (actual.toolCalls().stream().noneMatch(call -> call.name().equals(name))) {
            throw failure(FailureKind.VALUE, "a call of tool " + name);
        }
        return this;
    }

    /**
     * The reply called the named tool with arguments that hold {@code expectedArguments}, a JSON object compared
     * parsed: every key it names must be there with an equal value (numbers by value, {@code 1} equals {@code 1.0};
     * nested objects the same way; key order ignored); other keys may be present.
     */
    public AnswerAssert calledTool(String name, String expectedArguments) {
        isNotNull();
        JsonNode expected = ToolCallMatch.expected(expectedArguments);
        boolean matched = actual.toolCalls().stream()
                .filter(call -> call.name().equals(name))
                .map(ToolCallMatch::arguments)
                .anyMatch(arguments -> arguments.isPresent() && ToolCallMatch.contains(arguments.get(), expected));
        if (!matched) {
            throw failure(FailureKind.VALUE, "a call of tool " + name + " with arguments holding " + expected);
        }
        return this;
    }

    /** The reply did not call the named tool (it may have called others, or none). */
    public AnswerAssert didNotCallTool(String name) {
        isNotNull();
        if (actual.toolCalls().stream().anyMatch(call -> call.name().equals(name))) {
            throw failure(FailureKind.VALUE, "no call of tool " + name);
        }
        return this;
    }

    /** The reply called no tool at all. */
    public AnswerAssert calledNoTool() {
        isNotNull();
        if (!actual.toolCalls().isEmpty()) {
            throw failure(FailureKind.VALUE, "no tool call");
        }
        return this;
    }

    /** The reply's calls include these tools in this order (other calls may come between them). */
    public AnswerAssert calledToolsInOrder(String... names) {
        isNotNull();
        int next = 0;
        for (var call : actual.toolCalls()) {
            if (next < names.length && call.name().equals(names[next])) {
                next++;
            }
        }
        if (next < names.length) {
            throw failure(FailureKind.VALUE, "calls of " + String.join(", then ", names) + ", in this order");
        }
        return this;
    }

    /**
     * The tools the answer called, in order over every turn of the run, match {@code tools} in the given mode ({@link
     * TrajectoryMatch}: strict, unordered, subset or superset, as agentevals defines them). Only the tools' names are
     * compared; use {@link #calledTool(String, String)} for their arguments.
     */
    public AnswerAssert hasToolTrajectory(TrajectoryMatch mode, String... tools) {
        isNotNull();
        List<String> called =
                actual.toolCalls().stream().map(call -> call.name()).toList();
        if (!mode.matches(called, List.of(tools))) {
            throw failure(
                    FailureKind.VALUE,
                    "the tools [" + String.join(", ", tools) + "], " + mode.describe(),
                    "the run called [" + String.join(", ", called) + "]");
        }
        return this;
    }

    /**
     * The run finished within {@code maxSteps} model turns: its last reply called no tool and took at most that many
     * turns. A case stopped at its step limit ({@code rpt.max-steps}) fails this with its trajectory.
     */
    public AnswerAssert finishedWithinSteps(int maxSteps) {
        isNotNull();
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, got " + maxSteps);
        }
        boolean finished =
                actual.steps().get(actual.steps().size() - 1).toolCalls().isEmpty();
        if (!finished || actual.steps().size() > maxSteps) {
            throw failure(
                    FailureKind.VALUE,
                    "a final reply within " + maxSteps + (maxSteps == 1 ? " step" : " steps"),
                    finished ? null : "the last step still called tools");
        }
        return this;
    }

    /** The model stated a readable confidence. */
    public AnswerAssert hasConfidence() {
        isNotNull();
        if (actual.confidence().isEmpty()) {
            throw failure(FailureKind.MISSING, "a stated confidence");
        }
        return this;
    }

    /** The stated confidence is at least {@code minimum}. */
    public AnswerAssert hasConfidenceAtLeast(double minimum) {
        hasConfidence();
        if (actual.confidence().getAsDouble() < minimum) {
            throw failure(FailureKind.CONFIDENCE, "confidence ≥ " + minimum);
        }
        return this;
    }

    /** The stated confidence is at most {@code maximum}. */
    public AnswerAssert hasConfidenceAtMost(double maximum) {
        hasConfidence();
        if (actual.confidence().getAsDouble() > maximum) {
            throw failure(FailureKind.CONFIDENCE, "confidence ≤ " + maximum);
        }
        return this;
    }

    /**
     * The judge found that the answer meets the criterion with this id: its probability reached {@code
     * rpt.judge.threshold}. The failure names the criterion, the probability and the judge's reason.
     *
     * @param criterion the id of a {@link dev.rpt.api.Criterion} declared on the test method or its class
     */
    public AnswerAssert meets(String criterion) {
        isNotNull();
        Judgement judgement = actual.judgement(criterion)
                .orElseThrow(() -> new AssertionError("No criterion '" + criterion + "' was judged for this answer"
                        + (actual.judgements().isEmpty()
                                ? "; the test declares none"
                                : "; the judged ones are "
                                        + actual.judgements().stream()
                                                .map(Judgement::criterion)
                                                .toList())
                        + ". Declare it with @Criterion(id = \"" + criterion + "\", value = \"...\") on the test method"
                        + " or its class."));
        if (!judgement.met()) {
            throw unmet(List.of(judgement));
        }
        return this;
    }

    /** The judge found that the answer meets every criterion the test declares; the failure lists each unmet one. */
    public AnswerAssert meetsAllCriteria() {
        isNotNull();
        if (actual.judgements().isEmpty()) {
            throw new AssertionError("The test declares no @Criterion, so there is nothing to meet. Declare one on the"
                    + " test method or its class, e.g. @Criterion(id = \"apologises\", value = \"Apologises once\").");
        }
        List<Judgement> unmet =
                actual.judgements().stream().filter(j -> !j.met()).toList();
        if (!unmet.isEmpty()) {
            throw unmet(unmet);
        }
        return this;
    }

    private AnswerAssertionError unmet(List<Judgement> unmet) {
        StringBuilder problem = new StringBuilder();
        for (Judgement judgement : unmet) {
            if (problem.length() > 0) {
                problem.append("; ");
            }
            problem.append(String.format(
                    Locale.ROOT,
                    "criterion '%s' is not met: the judge gave it %.2f, below %.2f, because %s",
                    judgement.criterion(),
                    judgement.probability(),
                    judgement.threshold(),
                    judgement.reason()));
        }
        String expectation = unmet.size() == 1
                ? "an answer that " + lowerFirst(unmet.get(0).text())
                : "an answer that meets "
                        + unmet.stream().map(Judgement::criterion).toList();
        return failure(FailureKind.CRITERION, expectation, problem.toString());
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** The reply followed the requested structure. */
    public AnswerAssert isWellFormed() {
        isNotNull();
        if (actual.formatError()) {
            throw failure(FailureKind.FORMAT, "a reply in the requested structure");
        }
        return this;
    }

    private JsonNode json() {
        answered();
        try {
            return JSON.readTree(actual.text());
        } catch (JsonProcessingException e) {
            throw failure(FailureKind.FORMAT, "a valid JSON answer", e.getOriginalMessage());
        }
    }

    private void answered() {
        isNotNull();
        if (actual.text().isBlank()) {
            // A reply that does not state its answer where the prompt's output.answer says it would is a format
            // failure: the model answered, but not in the declared shape.
            throw actual.formatError()
                    ? failure(
                            FailureKind.FORMAT, "an answer", "the reply does not state one where the prompt says it is")
                    : failure(FailureKind.MISSING, "an answer");
        }
    }

    private AnswerAssertionError failure(FailureKind kind, String expectation) {
        return failure(kind, expectation, null);
    }

    /**
     * @param expectation what was expected, e.g. {@code the number 18}
     * @param problem what was wrong beyond the value, e.g. {@code the answer holds no number}; {@code null} if nothing
     */
    private AnswerAssertionError failure(FailureKind kind, String expectation, String problem) {
        Objects.requireNonNull(kind, "kind");
        String description = info.descriptionText();
        String prefix = description == null || description.isEmpty() ? "" : "[" + description + "] ";
        String expected = problem == null ? expectation : expectation + " (" + problem + ")";
        return new AnswerAssertionError(
                kind,
                prefix + "Expected " + expected + ", but the model " + said() + " with " + confidenceText()
                        + (actual.steps().size() > 1 ? ":" + ToolCallMatch.trajectory(actual.steps()) : "."),
                expectation,
                problem,
                actual.text(),
                actual.confidence().isPresent() ? actual.confidence().getAsDouble() : null);
    }

    /**
     * What the model said: its answer, or, when no answer could be read from the reply (a text prompt whose reply
     * does not state it where {@code output.answer} looks), the reply itself, which is what the user needs to see.
     */
    private String said() {
        if (actual.steps().size() > 1) {
            return "took " + actual.steps().size() + " steps";
        }
        if (!actual.toolCalls().isEmpty()) {
            return ToolCallMatch.describe(actual.toolCalls())
                    + (actual.text().isBlank() ? "" : " and answered " + quote(actual.text()));
        }
        return actual.text().isBlank() && !actual.raw().isBlank()
                ? "replied " + quote(actual.raw())
                : "answered " + quote(actual.text());
    }

    private String confidenceText() {
        return actual.confidence().isPresent()
                ? String.format(
                        Locale.ROOT, "confidence %.2f", actual.confidence().getAsDouble())
                : "no stated confidence";
    }

    private static String quote(String text) {
        return "\"" + Excerpt.headAndTail(text, ANSWER_EXCERPT) + "\"";
    }
}
