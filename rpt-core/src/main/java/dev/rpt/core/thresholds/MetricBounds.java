package dev.rpt.core.thresholds;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * Bounds on a class's metrics. Unset bounds are not checked.
 *
 * @param minAccuracy the lowest acceptable accuracy
 * @param maxEce the highest acceptable expected calibration error
 * @param maxBrier the highest acceptable Brier score
 * @param maxErrorRate the highest acceptable share of errored cases
 */
@API(status = INTERNAL, since = "0.1")
public record MetricBounds(
        OptionalDouble minAccuracy, OptionalDouble maxEce, OptionalDouble maxBrier, OptionalDouble maxErrorRate) {

    /** No bounds. */
    public static final MetricBounds NONE = new MetricBounds(
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());

    public MetricBounds {
        requireUnit("minAccuracy", minAccuracy);
        requireUnit("maxEce", maxEce);
        requireUnit("maxBrier", maxBrier);
        requireUnit("maxErrorRate", maxErrorRate);
    }

    /** Bounds from annotation-style values, where {@code NaN} means unset. */
    public static MetricBounds of(double minAccuracy, double maxEce, double maxBrier, double maxErrorRate) {
        return new MetricBounds(set(minAccuracy), set(maxEce), set(maxBrier), set(maxErrorRate));
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
     * Checks the metrics in the given mode: with {@link CheckMode#CONFIDENCE_BOUND} the lower end of the accuracy's
     * interval (from the metrics, at {@link dev.rpt.core.calibration.MetricsOptions#intervalLevel()}) must reach the
     * minimum; the other bounds are compared as measured.
     */
    public ThresholdResult check(Metrics metrics, CheckMode mode) {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(mode, "mode");
        return check(
                metrics,
                mode == CheckMode.CONFIDENCE_BOUND
                        ? Optional.of(metrics.accuracyCi()
                                .map(ci -> new LowerBound(ci.lower(), "95% CI lower bound"))
                                .orElse(LowerBound.NOT_MEASURABLE))
                        : Optional.empty());
    }

    /**
     * Checks the metrics; with a lower bound, accuracy must reach its minimum with that bound rather than with its
     * point estimate (confidence-bound mode, where the bound's level is the build's share for this test).
     *
     * @param lowerBound the accuracy's lower confidence bound and its name, e.g. {@code one-sided 99.5% lower bound};
     *     empty to compare the point estimate
     */
    public ThresholdResult check(Metrics metrics, Optional<LowerBound> lowerBound) {
        return check(metrics, lowerBound, Optional.empty(), Optional.empty());
    }

    /**
     * Checks the metrics; in confidence-bound mode accuracy must reach its minimum with its lower bound, and ECE and
     * Brier must stay at or below their maximum with their upper bounds.
     *
     * @param eceUpper the debiased ECE's upper confidence bound; empty to compare the estimate
     * @param brierUpper the Brier score's upper confidence bound; empty to compare the estimate
     */
    public ThresholdResult check(
            Metrics metrics,
            Optional<LowerBound> lowerBound,
            Optional<UpperBound> eceUpper,
            Optional<UpperBound> brierUpper) {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(lowerBound, "lowerBound");
        List<BoundCheck> checks = new ArrayList<>();
        minAccuracy.ifPresent(min -> checks.add(accuracy(metrics, min, lowerBound)));
        // The debiased ECE: binned ECE is biased upward at small n, so a calibrated model would fail a fixed bound
        // more often the fewer cases it has. The binned value is shown beside it.
        maxEce.ifPresent(max -> checks.add(upper("ECE", metrics.eceDebiased(), debiasedNote(metrics), max, metrics)
                .bounded(eceUpper, max, metrics)));
        maxBrier.ifPresent(max ->
                checks.add(upper("Brier", metrics.brier(), "", max, metrics).bounded(brierUpper, max, metrics)));
        maxErrorRate.ifPresent(max -> {
            int total = metrics.n() + metrics.errored();
            double rate = total == 0 ? 0 : (double) metrics.errored() / total;
            String measured = format(rate) + " (" + metrics.errored() + " of " + total + ")";
            checks.add(
                    rate > max
                            ? new BoundCheck(
                                    "error rate",
                                    "≤ " + format(max),
                                    measured,
                                    false,
                                    "error rate " + format(rate) + " (" + metrics.errored() + " of " + total
                                            + " cases errored) > " + format(max))
                            : new BoundCheck("error rate", "≤ " + format(max), measured, true, "holds"));
        });
        return new ThresholdResult(this, checks);
    }

    private static BoundCheck accuracy(Metrics metrics, double min, Optional<LowerBound> lowerBound) {
        boolean bound = lowerBound.isPresent();
        String limit = "≥ " + format(min);
        if (metrics.accuracy().isEmpty()) {
            return new BoundCheck(
                    "accuracy", limit, "not measurable", false, "accuracy cannot be measured: no scored cases");
        }
        double accuracy = metrics.accuracy().getAsDouble();
        String interval = metrics.accuracyCi()
                .map(ci -> " [" + format(ci.lower()) + ", " + format(ci.upper()) + "]")
                .orElse("");
        String measured = format(accuracy) + interval;
        if (bound && lowerBound.get().value() < min) {
            return new BoundCheck(
                    "accuracy",
                    limit + " (lower bound)",
                    measured,
                    false,
                    "accuracy " + format(accuracy) + " has a "
                            + lowerBound.get().name() + " of "
                            + format(lowerBound.get().value()) + " < " + format(min) + " over " + metrics.n()
                            + " cases (confidence-bound mode: the lower bound must reach the minimum)");
        }
        if (!bound && accuracy < min) {
            return new BoundCheck(
                    "accuracy",
                    limit,
                    measured,
                    false,
                    "accuracy " + format(accuracy)
                            + metrics.accuracyCi()
                                    .map(ci -> " (95% CI " + format(ci.lower()) + "–" + format(ci.upper()) + ")")
                                    .orElse("")
                            + " < " + format(min) + " over " + metrics.n() + " cases");
        }
        return new BoundCheck("accuracy", bound ? limit + " (lower bound)" : limit, measured, true, "holds");
    }

    /** Beside the debiased ECE, the binned one, when the two differ as shown. */
    private static String debiasedNote(Metrics metrics) {
        if (metrics.ece().isEmpty()
                || format(metrics.ece().getAsDouble())
                        .equals(format(metrics.eceDebiased().getAsDouble()))) {
            return "";
        }
        return " (debiased; binned " + format(metrics.ece().getAsDouble()) + ")";
    }

    private static BoundCheck upper(String name, OptionalDouble value, String note, double max, Metrics metrics) {
        String limit = "≤ " + format(max);
        if (value.isEmpty()) {
            return new BoundCheck(
                    name,
                    limit,
                    "not measurable",
                    false,
                    name + " cannot be measured: no case has a confidence (" + metrics.missingConfidence() + " of "
                            + metrics.n() + " missing)");
        }
        if (value.getAsDouble() > max) {
            return new BoundCheck(
                    name,
                    limit,
                    format(value.getAsDouble()) + note,
                    false,
                    name + " " + format(value.getAsDouble()) + note + " > " + format(max) + " over "
                            + metrics.withConfidence() + " cases with a confidence");
        }
        return new BoundCheck(name, limit, format(value.getAsDouble()) + note, true, "holds");
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
