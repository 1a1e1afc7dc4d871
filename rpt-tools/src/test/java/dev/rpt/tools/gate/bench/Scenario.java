package dev.rpt.tools.gate.bench;

import java.util.List;
import java.util.function.IntFunction;

/**
 * A prompt change the benchmark checks against the baseline prompt.
 *
 * @param name the row label of the table
 * @param base the baseline's prompt
 * @param systemFor the system prompt of case {@code i}
 * @param label what the prompt's sha256 is taken of
 */
record Scenario(String name, String base, IntFunction<String> systemFor, String label) {

    /** The baseline prompt: step by step, unit check, bare answer, calibrated confidence. */
    static final String BASE = "Solve the math word problem step by step. Check the units of every quantity."
            + " Give only the final answer as a number. Your confidence should reflect the probability that your"
            + " answer is correct.";

    /** The baseline prompt without the calibration sentence: confidence stays at 0.93–0.99 whatever happens. */
    static final String UNCALIBRATED = "Solve the math word problem step by step. Check the units of every quantity."
            + " Give only the final answer as a number.";

    /** The baseline prompt without the step-by-step instruction: a much weaker prompt on multi-step questions. */
    static final String NO_STEPS = "Solve the math word problem. Check the units of every quantity."
            + " Give only the final answer as a number. Your confidence should reflect the probability that your"
            + " answer is correct.";

    /** The baseline prompt without the unit check: a second baseline, with more wrong answers to be overconfident on. */
    static final String NO_UNITS = "Solve the math word problem step by step."
            + " Give only the final answer as a number. Your confidence should reflect the probability that your"
            + " answer is correct.";

    /** {@link #NO_UNITS} without the calibration sentence. */
    static final String NO_UNITS_UNCALIBRATED =
            "Solve the math word problem step by step." + " Give only the final answer as a number.";

    /** Share of cases on which {@link #accuracyDrop()} loses the step-by-step instruction. */
    static final int BROKEN_PERCENT = 29;

    /** Every scenario of the full benchmark, in table order. */
    static List<Scenario> full() {
        return List.of(
                unchanged(),
                accuracyDrop(),
                calibrationDropped(),
                unchangedWithoutUnitCheck(),
                calibrationDroppedWithoutUnitCheck());
    }

    static Scenario unchanged() {
        return new Scenario("unchanged prompt", BASE, i -> BASE, BASE);
    }

    static Scenario unchangedWithoutUnitCheck() {
        return new Scenario("unchanged prompt (second baseline: no unit check)", NO_UNITS, i -> NO_UNITS, NO_UNITS);
    }

    /**
     * A change that breaks one branch of the template: {@value #BROKEN_PERCENT}% of the cases (a fixed set) lose the
     * step-by-step instruction. Dropping it everywhere costs about 35 points, too much to test a gate with; on this
     * share it costs about 10.
     */
    static Scenario accuracyDrop() {
        return new Scenario(
                "step-by-step dropped on " + BROKEN_PERCENT + "% of cases",
                BASE,
                i -> Math.floorMod(i * 37 + 11, 100) < BROKEN_PERCENT ? NO_STEPS : BASE,
                "branch-broken");
    }

    static Scenario calibrationDropped() {
        return new Scenario("calibration instruction removed", BASE, i -> UNCALIBRATED, UNCALIBRATED);
    }

    static Scenario calibrationDroppedWithoutUnitCheck() {
        return new Scenario(
                "calibration instruction removed (second baseline)",
                NO_UNITS,
                i -> NO_UNITS_UNCALIBRATED,
                NO_UNITS_UNCALIBRATED);
    }
}
