package dev.rpt.tools.bench;

import java.util.Locale;
import org.apache.commons.math3.stat.interval.ClopperPearsonInterval;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;

/**
 * The exact (Clopper–Pearson) 95% interval of a rate the benchmarks measure, so that every rate they print carries
 * the uncertainty of its repetitions.
 */
public final class ExactInterval {

    private ExactInterval() {}

    /** The interval of {@code successes} in {@code n}; at 0 or n, where commons-math3 refuses, the one-sided 2.5% bound. */
    public static ConfidenceInterval of(int successes, int n) {
        if (successes == 0 || successes == n) {
            double edge = 1 - Math.pow(0.025, 1.0 / n);
            return successes == 0 ? new ConfidenceInterval(0, edge, 0.95) : new ConfidenceInterval(1 - edge, 1, 0.95);
        }
        return new ClopperPearsonInterval().createInterval(n, successes, 0.95);
    }

    /** E.g. {@code 0.5% (1/200) [0.0–2.8%]}. */
    public static String rate(int successes, int n) {
        ConfidenceInterval interval = of(successes, n);
        return String.format(
                Locale.ROOT,
                "%.1f%% (%d/%d) [%.1f–%.1f%%]",
                100.0 * successes / n,
                successes,
                n,
                100 * interval.getLowerBound(),
                100 * interval.getUpperBound());
    }
}
