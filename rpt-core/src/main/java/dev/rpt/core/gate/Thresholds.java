package dev.rpt.core.gate;

import dev.rpt.core.calibration.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Bounds on a class's metrics. Unset bounds are not checked.
 *
 * @param minAccuracy the lowest acceptable accuracy
 * @param maxEce the highest acceptable expected calibration error
 * @param maxBrier the highest acceptable Brier score
 * @param maxErrorRate the highest acceptable share of errored cases
 */
public record Thresholds(
        OptionalDouble minAccuracy, OptionalDouble maxEce, OptionalDouble maxBrier, OptionalDouble maxErrorRate) {

    /** No bounds. */
    public static final Thresholds NONE = new Thresholds(
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());

    public Thresholds {
        requireUnit("minAccuracy", minAccuracy);
        requireUnit("maxEce", maxEce);
        requireUnit("maxBrier", maxBrier);
        requireUnit("maxErrorRate", maxErrorRate);
    }

    /** Bounds from annotation-style values, where {@code NaN} means unset. */
    public static Thresholds of(double minAccuracy, double maxEce, double maxBrier, double maxErrorRate) {
        return new Thresholds(set(minAccuracy), set(maxEce), set(maxBrier), set(maxErrorRate));
    }

    /** Whether any bound is set. */
    public boolean isEmpty() {
        return this.equals(NONE);
    }

    /** The bounds as a short label, e.g. {@code accuracy ≥ 0.80, ECE ≤ 0.10}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        minAccuracy.ifPresent(v -> parts.add("accuracy ≥ " + format(v)));
        maxEce.ifPresent(v -> parts.add("ECE ≤ " + format(v)));
        maxBrier.ifPresent(v -> parts.add("Brier ≤ " + format(v)));
        maxErrorRate.ifPresent(v -> parts.add("error rate ≤ " + format(v)));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /** Checks the metrics; every violated or unmeasurable bound is one line of the result. */
    public ThresholdResult check(Metrics metrics) {
        return check(metrics, CheckMode.POINT_ESTIMATE);
    }

    /**
     * Checks the metrics in the given mode: with {@link CheckMode#CONFIDENCE_BOUND} the accuracy's Wilson interval
     * (from the metrics) must reach the minimum with its lower end; the other bounds are compared as measured.
     */
    public ThresholdResult check(Metrics metrics, CheckMode mode) {
        List<String> violations = new ArrayList<>();
        boolean bound = mode == CheckMode.CONFIDENCE_BOUND;
        minAccuracy.ifPresent(min -> {
            if (metrics.accuracy().isEmpty()) {
                violations.add("accuracy cannot be measured: no scored cases");
            } else if (bound && metrics.accuracyCi().orElseThrow().lower() < min) {
                violations.add("accuracy " + format(metrics.accuracy().getAsDouble()) + " has a 95% CI lower bound of "
                        + format(metrics.accuracyCi().orElseThrow().lower()) + " < " + format(min) + " over "
                        + metrics.n() + " cases (confidenceBound mode: the lower bound must reach the minimum)");
            } else if (!bound && metrics.accuracy().getAsDouble() < min) {
                violations.add("accuracy " + format(metrics.accuracy().getAsDouble())
                        + metrics.accuracyCi()
                                .map(ci -> " (95% CI " + format(ci.lower()) + "–" + format(ci.upper()) + ")")
                                .orElse("")
                        + " < " + format(min) + " over " + metrics.n() + " cases");
            }
        });
        maxEce.ifPresent(max -> upper("ECE", metrics.ece(), max, metrics, violations));
        maxBrier.ifPresent(max -> upper("Brier", metrics.brier(), max, metrics, violations));
        maxErrorRate.ifPresent(max -> {
            int total = metrics.n() + metrics.errored();
            double rate = total == 0 ? 0 : (double) metrics.errored() / total;
            if (rate > max) {
                violations.add("error rate " + format(rate) + " (" + metrics.errored() + " of " + total
                        + " cases errored) > " + format(max));
            }
        });
        return new ThresholdResult(this, violations);
    }

    private static void upper(String name, OptionalDouble value, double max, Metrics metrics, List<String> out) {
        if (value.isEmpty()) {
            out.add(name + " cannot be measured: no case has a confidence (" + metrics.missingConfidence() + " of "
                    + metrics.n() + " missing)");
        } else if (value.getAsDouble() > max) {
            out.add(name + " " + format(value.getAsDouble()) + " > " + format(max) + " over " + metrics.withConfidence()
                    + " cases with a confidence");
        }
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static OptionalDouble set(double value) {
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private static void requireUnit(String name, OptionalDouble value) {
        Objects.requireNonNull(value, name);
        value.ifPresent(v -> {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("threshold " + name + " must be a fraction in [0, 1] (0.8, not 80),"
                        + " got " + v + "; leave it unset (NaN in @Thresholds) to skip the check");
            }
        });
    }
}
