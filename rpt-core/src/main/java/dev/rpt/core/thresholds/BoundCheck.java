package dev.rpt.core.thresholds;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.Metrics;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The verdict on one bound of {@link MetricBounds}.
 *
 * @param metric the metric, e.g. {@code accuracy} or {@code error rate}
 * @param limit the bound on it, e.g. {@code ≥ 0.800}
 * @param measured the measured value as shown, e.g. {@code 0.720 [0.610, 0.810]}, or {@code not measurable}
 * @param passed whether the bound holds
 * @param detail the whole sentence: why it failed, with the counts it was measured over, or that it holds
 */
@API(status = INTERNAL, since = "0.1")
public record BoundCheck(String metric, String limit, String measured, boolean passed, String detail) {

    public BoundCheck {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(detail, "detail");
    }

    /** The bound as written, e.g. {@code accuracy ≥ 0.800}. */
    public String bound() {
        return metric + " " + limit;
    }

    /** The measured value, the bound and the verdict, e.g. {@code accuracy 0.720 (≥ 0.800 ✗)}. */
    public String summary() {
        return metric + " " + measured + " (" + limit + (passed ? " ✓)" : " ✗)");
    }

    /**
     * This check of a maximum, decided instead by an upper confidence bound when there is one (confidence-bound mode):
     * it holds only when the bound is at or below the maximum. A metric that cannot be measured stays failed.
     */
    BoundCheck bounded(Optional<UpperBound> upper, double max, Metrics metrics) {
        if (upper.isEmpty() || measured.equals("not measurable")) {
            return this;
        }
        double bound = upper.get().value();
        String limitNow = limit + " (upper bound)";
        String measuredNow = measured + String.format(Locale.ROOT, ", upper bound %.3f", bound);
        if (bound <= max) {
            return new BoundCheck(metric, limitNow, measuredNow, true, "holds");
        }
        return new BoundCheck(
                metric,
                limitNow,
                measuredNow,
                false,
                String.format(
                        Locale.ROOT,
                        "%s %s has a %s of %.3f > %.3f over %d cases with a confidence (confidence-bound mode: the"
                                + " upper bound must stay at or below the maximum)",
                        metric,
                        measured,
                        upper.get().name(),
                        bound,
                        max,
                        metrics.withConfidence()));
    }
}
