package dev.rpt.sim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the failure modes of one failed case from the evidence a real critic would read: the answer text, the
 * justification, the failure message and the stated confidence. It never looks at the answer key, so it is only as
 * good as what the target wrote. The keyword rules are documented in {@code docs/simulator.md}.
 */
final class FailureClassifier {

    private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d,]*(\\.\\d+)?");
    private static final Pattern OPTION = Pattern.compile("\\([A-Z]\\)");
    private static final Pattern BARE_OPTION = Pattern.compile("\\s*\\([A-Z]\\)\\s*\\.?\\s*");

    private FailureClassifier() {}

    /** One to three critiques: the answer's form, the slip behind it, and overconfidence. */
    static List<Critique> classify(CaseEvidence evidence) {
        List<Critique> critiques = new ArrayList<>();
        String answer = evidence.answer().strip();
        String message = evidence.failureMessage().toLowerCase(Locale.ROOT);
        if ("criterion".equals(evidence.failureKind())) {
            // A judge graded the reply: what it misses is the criterion, not a value or an option.
            critiques.add(new Critique(
                    FailureLabel.CRITERION_NOT_MET,
                    "The judge found the reply does not meet a criterion: " + quote(evidence.failureMessage()),
                    "failure message"));
            return critiques;
        }
        if (message.contains("in this order") && message.contains("lookup")) {
            // A tool-calling assistant's trajectory: the assertion says which call should have come first.
            critiques.add(new Critique(
                    FailureLabel.ACTED_BEFORE_LOOKING_UP,
                    "The calls did not start with the lookup the task needs: " + quote(evidence.failureMessage()),
                    "failure message"));
            return critiques;
        }
        List<String> numbers = numbers(answer);
        if (noAnswer(answer, evidence.failureKind(), message)) {
            critiques.add(new Critique(
                    FailureLabel.NO_ANSWER_GIVEN,
                    "The answer " + quote(answer) + " gives no value to grade.",
                    answer.isEmpty() ? "failure message: " + quote(evidence.failureMessage()) : "answer text"));
        } else {
            if (numbers.size() > 1 || message.contains("several numbers")) {
                critiques.add(new Critique(
                        FailureLabel.ANSWER_HOLDS_SEVERAL_NUMBERS,
                        "The answer " + quote(answer) + " holds " + numbers.size() + " numbers ("
                                + String.join(", ", numbers) + "), so the grader cannot tell which one is meant.",
                        "answer text"));
            }
            if (OPTION.matcher(answer).find() && !BARE_OPTION.matcher(answer).matches()) {
                critiques.add(new Critique(
                        FailureLabel.ANSWER_HOLDS_EXTRA_WORDS,
                        "The answer " + quote(answer) + " wraps the option in a sentence, so it cannot equal the"
                                + " expected option.",
                        "answer text"));
            }
            Critique slip = slip(evidence);
            if (slip == null && critiques.isEmpty()) {
                slip = inferredSlip(evidence, numbers);
            }
            if (slip != null) {
                critiques.add(slip);
            }
        }
        Double confidence = evidence.confidence();
        if (confidence != null && confidence >= FailureLabel.OVERCONFIDENT_FROM) {
            critiques.add(new Critique(
                    FailureLabel.OVERCONFIDENT_WRONG_ANSWER,
                    "The model stated confidence " + confidence + " for an answer that failed.",
                    "stated confidence"));
        }
        return critiques;
    }

    private static boolean noAnswer(String answer, String kind, String message) {
        String lower = answer.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        return answer.isEmpty()
                || lower.contains("i don't know")
                || lower.contains("i do not know")
                || "missing".equals(kind)
                || message.contains("holds no number");
    }

    /** The slip the justification names in words, or null when it names none. */
    private static Critique slip(CaseEvidence evidence) {
        String justification = evidence.justification();
        String lower = justification.toLowerCase(Locale.ROOT);
        FailureLabel label = null;
        if (lower.contains("convert") && lower.contains("unit")) {
            label = FailureLabel.UNIT_CONVERSION_SLIP;
        } else if (lower.contains("stopped") || lower.contains("skipp") || lower.contains("left out")) {
            label = FailureLabel.SKIPPED_FINAL_STEP;
        } else if (lower.contains("miscount") || lower.contains("miscalculat") || lower.contains("arithmetic")) {
            label = FailureLabel.ARITHMETIC_SLIP;
        } else if (lower.contains("chose")) {
            label = FailureLabel.WRONG_OPTION_CHOSEN;
        }
        if (label == null) {
            return null;
        }
        return new Critique(label, "The justification says: " + quote(justification), "justification");
    }

    /**
     * With no slip in words and nothing wrong with the form, the failure itself is the evidence: compared with the
     * expected value when the case gives one, else an option answer is a wrong choice and a number a calculation slip.
     */
    private static Critique inferredSlip(CaseEvidence evidence, List<String> numbers) {
        String basis = "failure message: " + quote(evidence.failureMessage());
        if (numbers.isEmpty() || OPTION.matcher(evidence.answer()).find()) {
            return new Critique(
                    FailureLabel.WRONG_OPTION_CHOSEN,
                    "The answer " + quote(evidence.answer()) + " is not the expected one.",
                    basis);
        }
        BigDecimal got = Mistakes.number(numbers.get(0));
        BigDecimal expected = Mistakes.number(evidence.expected());
        if (got != null && expected != null && expected.signum() != 0) {
            for (int factor : new int[] {60, 100}) {
                BigDecimal scaled = expected.multiply(BigDecimal.valueOf(factor));
                if (got.compareTo(scaled) == 0) {
                    return new Critique(
                            FailureLabel.UNIT_CONVERSION_SLIP,
                            "The answer " + numbers.get(0) + " is the expected " + evidence.expected() + " times "
                                    + factor + ".",
                            "answer text and expected value");
                }
            }
        }
        return new Critique(
                FailureLabel.ARITHMETIC_SLIP,
                "The answer " + quote(evidence.answer()) + " has the right form but the wrong value.",
                basis);
    }

    static List<String> numbers(String text) {
        List<String> numbers = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            numbers.add(matcher.group());
        }
        return numbers;
    }

    private static String quote(String text) {
        String shown = text.length() > 160 ? text.substring(0, 157) + "..." : text;
        return "\"" + shown + "\"";
    }
}
