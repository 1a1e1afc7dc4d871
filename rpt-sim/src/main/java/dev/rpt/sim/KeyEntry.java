package dev.rpt.sim;

import java.util.List;
import java.util.Objects;

/**
 * One question of the answer key, prepared for simulation.
 *
 * @param question the question text, normalized by {@link QuestionText#normalize(String)}
 * @param answer the reference final answer, e.g. {@code 18} or {@code (A)}
 * @param steps the difficulty: how many reasoning steps the reference solution takes, at least 1
 * @param workedSteps the annotated calculations of the reference solution ({@code 16-3-4=9}), in order; empty when
 *     the key has none
 * @param unitFactor the factor of a unit slip (60 for time, 100 otherwise) when the question involves units, else 0
 */
record KeyEntry(String question, String answer, int steps, List<WorkedStep> workedSteps, int unitFactor) {

    KeyEntry {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        workedSteps = List.copyOf(workedSteps);
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
    }

    boolean unitQuestion() {
        return unitFactor > 0;
    }

    /**
     * One annotated calculation, such as GSM8K's {@code <<16-3-4=9>>}.
     *
     * @param expression the left-hand side, {@code 16-3-4}
     * @param result the right-hand side, {@code 9}
     */
    record WorkedStep(String expression, String result) {}
}
