package dev.rpt.core.thresholds;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import java.util.List;
import org.apiguardian.api.API;

/**
 * How accuracy-like measures (accuracy in {@link MetricBounds}; the gate's rule counters {@code ACCURACY} and {@code PASS_ALL}) are compared with their bounds.
 * ECE, Brier, error rate and cost are always compared as measured.
 */
@API(status = INTERNAL, since = "0.1")
public enum CheckMode {
    /** The measured value must meet the bound. */
    POINT_ESTIMATE,
    /**
     * The 95% Wilson interval must lie on the right side of the bound: its lower end at or above a minimum, its upper
     * end at or below a maximum. Stricter, and it rewards more cases: 0.85 on 20 cases does not prove "at least 0.80".
     */
    CONFIDENCE_BOUND;

    /**
     * The mode set by {@code rpt.check.mode} ({@code point-estimate} or {@code confidence-bound}), {@link
     * #POINT_ESTIMATE} when unset. The engine's thresholds test and {@code rpt:check} both read it, so they judge a
     * class the same way.
     *
     * @throws dev.rpt.core.config.ConfigException naming the key when the value is another word
     */
    public static CheckMode from(RptConfig config) {
        return config.choice(RptConstants.CHECK_MODE, List.of("point-estimate", "confidence-bound"))
                .map(value -> value.equals("confidence-bound") ? CONFIDENCE_BOUND : POINT_ESTIMATE)
                .orElse(POINT_ESTIMATE);
    }
}
