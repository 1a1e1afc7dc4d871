package dev.rpt.core.thresholds;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
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
}
