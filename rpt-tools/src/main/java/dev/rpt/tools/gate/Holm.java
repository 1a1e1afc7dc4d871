package dev.rpt.tools.gate;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down adjustment (Holm 1979): over a family of {@code m} tests, the adjusted p-value of the {@code k}-th
 * smallest p-value is {@code max over j ≤ k of min(1, (m − j + 1) p(j))}. Rejecting every test whose adjusted p-value
 * is at most α keeps the chance of any false rejection in the family at most α, whatever the tests' dependence, and
 * rejects at least what Bonferroni rejects.
 */
final class Holm {

    private Holm() {}

    /** The adjusted p-values, in the order of {@code pValues}. */
    static double[] adjust(double[] pValues) {
        int m = pValues.length;
        Integer[] order = IntStream.range(0, m)
                .boxed()
                .sorted(Comparator.comparingDouble(i -> pValues[i]))
                .toArray(Integer[]::new);
        double[] adjusted = new double[m];
        double running = 0;
        for (int k = 0; k < m; k++) {
            running = Math.max(running, Math.min(1.0, (m - k) * pValues[order[k]]));
            adjusted[order[k]] = running;
        }
        return adjusted;
    }
}
