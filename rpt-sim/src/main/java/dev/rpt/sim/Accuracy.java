package dev.rpt.sim;

/**
 * The probability that the simulator answers a known question correctly. The numbers are documented in {@code
 * docs/simulator.md} and were chosen so that, on GSM8K, a prompt with no traits lands near 50% and one with every
 * trait near 88%.
 */
final class Accuracy {

    static final double PLAIN_BASE = 0.86;
    static final double PLAIN_PER_EXTRA_STEP = 0.15;
    static final double STEP_BY_STEP_BASE = 0.95;
    static final double STEP_BY_STEP_PER_STEP = 0.02;
    static final double CHECKED_PER_STEP = 0.01;
    static final double UNIT_PENALTY = 0.15;
    static final double MIN = 0.15;
    static final double MAX = 0.95;

    private Accuracy() {}

    /** P(correct) for a question of the entry's difficulty under the prompt's traits. */
    static double probability(KeyEntry entry, PromptTraits traits) {
        int steps = entry.steps();
        double p = traits.stepByStep()
                ? STEP_BY_STEP_BASE - (traits.checkWork() ? CHECKED_PER_STEP : STEP_BY_STEP_PER_STEP) * steps
                : PLAIN_BASE - PLAIN_PER_EXTRA_STEP * Math.max(0, steps - 1);
        if (entry.unitQuestion() && !traits.checkUnits()) {
            p -= UNIT_PENALTY;
        }
        return Math.max(MIN, Math.min(MAX, p));
    }
}
