package dev.rpt.sim;

import dev.rpt.sim.KeyEntry.WorkedStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns one answer-key row into a {@link KeyEntry}: the final answer, the number of steps and whether units are
 * involved. The rules are documented in {@code docs/simulator.md}; change both together.
 */
final class KeyEntryParser {

    /** GSM8K puts the final answer after this marker. */
    static final String FINAL_MARKER = "####";

    /** Words that make a question a unit question whose slip is a factor of 60. */
    static final Set<String> TIME_UNIT_WORDS = Set.of("minute", "minutes", "hour", "hours", "mph");

    /** Words that make a question a unit question whose slip is a factor of 100. */
    static final Set<String> OTHER_UNIT_WORDS = Set.of(
            "cents",
            "km",
            "kilometer",
            "kilometers",
            "meter",
            "meters",
            "centimeters",
            "mile",
            "miles",
            "inch",
            "inches",
            "feet",
            "foot",
            "pound",
            "pounds",
            "ounce",
            "ounces",
            "gram",
            "grams",
            "kilograms",
            "liter",
            "liters",
            "gallon",
            "gallons");

    /** Phrases that make a question a unit question whose slip is a factor of 100. */
    static final List<String> OTHER_UNIT_PHRASES = List.of("dollars per");

    private KeyEntryParser() {}

    /** Parses a row whose question and answer fields were already read. */
    static KeyEntry parse(String question, String answerField) {
        String normalized = QuestionText.normalize(question);
        int marker = answerField.lastIndexOf(FINAL_MARKER);
        if (marker >= 0) {
            String reasoning = answerField.substring(0, marker);
            String answer =
                    answerField.substring(marker + FINAL_MARKER.length()).strip();
            List<WorkedStep> worked = workedSteps(reasoning);
            int steps = worked.isEmpty() ? Math.max(1, nonBlankLines(reasoning)) : worked.size();
            return new KeyEntry(normalized, answer, steps, worked, unitFactor(normalized));
        }
        return new KeyEntry(
                normalized, answerField.strip(), sentenceSteps(question), List.of(), unitFactor(normalized));
    }

    /** Every {@code <<expression=result>>} annotation, in order. */
    static List<WorkedStep> workedSteps(String reasoning) {
        List<WorkedStep> steps = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = reasoning.indexOf("<<", from);
            if (open < 0) {
                return steps;
            }
            int close = reasoning.indexOf(">>", open + 2);
            if (close < 0) {
                return steps;
            }
            String inside = reasoning.substring(open + 2, close);
            int equals = inside.lastIndexOf('=');
            if (equals >= 0) {
                steps.add(new WorkedStep(
                        inside.substring(0, equals).strip(),
                        inside.substring(equals + 1).strip()));
            } else {
                steps.add(new WorkedStep(inside.strip(), inside.strip()));
            }
            from = close + 2;
        }
    }

    /**
     * The step heuristic for keys without annotations (BBH): the sentences of the question before its
     * {@code Options:} list, counted as '.', '?' or '!' followed by whitespace or the end; at least 1.
     */
    static int sentenceSteps(String question) {
        int options = question.indexOf("Options:");
        String body = options >= 0 ? question.substring(0, options) : question;
        int sentences = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean terminator = c == '.' || c == '?' || c == '!';
            if (terminator && (i + 1 == body.length() || Character.isWhitespace(body.charAt(i + 1)))) {
                sentences++;
            }
        }
        return Math.max(1, sentences);
    }

    /** 60 for questions about time, 100 for other units, 0 for none. */
    static int unitFactor(String normalizedQuestion) {
        boolean other = false;
        for (String word : words(normalizedQuestion)) {
            if (TIME_UNIT_WORDS.contains(word)) {
                return 60;
            }
            other |= OTHER_UNIT_WORDS.contains(word);
        }
        for (String phrase : OTHER_UNIT_PHRASES) {
            other |= normalizedQuestion.contains(phrase);
        }
        return other ? 100 : 0;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            if (Character.isLetter(c)) {
                word.append(c);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        return words;
    }

    private static int nonBlankLines(String text) {
        return (int) text.lines().filter(line -> !line.isBlank()).count();
    }
}
