package dev.rpt.sim;

import dev.rpt.sim.KeyEntry.WorkedStep;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Deterministic wrong answers that look like real mistakes: stopping one step early, an off-by-one, or a unit slip
 * for numeric answers; a neighbouring option or the opposite truth value for the others.
 */
final class Mistakes {

    /** The opposite of common two-valued answers (BBH). */
    private static final Map<String, String> OPPOSITES = Map.of(
            "true", "False",
            "false", "True",
            "yes", "No",
            "no", "Yes",
            "valid", "invalid",
            "invalid", "valid");

    private Mistakes() {}

    /**
     * A wrong answer to the entry, chosen by the draw {@code mistake}; the justification names the slip.
     *
     * @param unitSlipAllowed whether a unit slip is among the candidates (unit question, units not checked)
     */
    static Mistake make(KeyEntry entry, boolean unitSlipAllowed, Draws draws) {
        BigDecimal number = number(entry.answer());
        if (number == null) {
            return symbolic(entry);
        }
        List<Mistake> candidates = new ArrayList<>();
        skippedLastStep(entry, number).ifPresent(candidates::add);
        candidates.add(offByOne(entry, number, draws));
        if (unitSlipAllowed && entry.unitQuestion() && number.signum() != 0) {
            BigDecimal slipped = number.multiply(BigDecimal.valueOf(entry.unitFactor()));
            candidates.add(new Mistake(
                    plain(slipped),
                    "Worked through " + steps(entry.steps()) + ", then converted units: " + entry.answer() + " × "
                            + entry.unitFactor() + " = " + plain(slipped) + "."));
        }
        int pick = Math.min(candidates.size() - 1, (int) (draws.uniform("mistake") * candidates.size()));
        return candidates.get(pick);
    }

    private static Optional<Mistake> skippedLastStep(KeyEntry entry, BigDecimal answer) {
        List<WorkedStep> worked = entry.workedSteps();
        if (worked.size() < 2) {
            return Optional.empty();
        }
        WorkedStep previous = worked.get(worked.size() - 2);
        BigDecimal intermediate = number(previous.result());
        if (intermediate == null || intermediate.compareTo(answer) == 0) {
            return Optional.empty();
        }
        return Optional.of(new Mistake(
                plain(intermediate),
                "Worked through " + (worked.size() - 1) + " of " + steps(worked.size()) + " and stopped at "
                        + previous.expression() + " = " + previous.result() + ", skipping the final step."));
    }

    private static Mistake offByOne(KeyEntry entry, BigDecimal answer, Draws draws) {
        boolean down = draws.uniform("off-by-one") < 0.5 && answer.signum() > 0;
        BigDecimal wrong = down ? answer.subtract(BigDecimal.ONE) : answer.add(BigDecimal.ONE);
        return new Mistake(
                plain(wrong),
                "Worked through " + steps(entry.steps()) + " and miscounted by one in the last step's arithmetic.");
    }

    private static Mistake symbolic(KeyEntry entry) {
        String answer = entry.answer();
        String wrong;
        if (answer.length() == 3 && answer.charAt(0) == '(' && answer.charAt(2) == ')') {
            char letter = answer.charAt(1);
            wrong = "(" + (char) (letter == 'A' ? 'B' : letter - 1) + ")";
        } else if (OPPOSITES.containsKey(answer.toLowerCase(Locale.ROOT))) {
            wrong = OPPOSITES.get(answer.toLowerCase(Locale.ROOT));
        } else if (answer.contains(" ")) {
            wrong = answer.substring(0, answer.lastIndexOf(' '));
        } else {
            wrong = "none of these";
        }
        if (wrong.equalsIgnoreCase(answer)) {
            wrong = "unsure";
        }
        return new Mistake(wrong, "Worked through " + steps(entry.steps()) + " and chose " + wrong + ".");
    }

    /** The answer as a number, or null when it is not one. Thousands separators are ignored. */
    static BigDecimal number(String text) {
        String cleaned = text.replace(",", "").replace("$", "").strip();
        if (cleaned.isEmpty() || cleaned.length() > 40) {
            return null;
        }
        try {
            return new BigDecimal(cleaned);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    static String steps(int count) {
        return count + (count == 1 ? " step" : " steps");
    }

    /**
     * A wrong answer with the justification a model making that slip would give.
     *
     * @param answer the wrong final answer
     * @param justification names the steps or the slip
     */
    record Mistake(String answer, String justification) {}
}
