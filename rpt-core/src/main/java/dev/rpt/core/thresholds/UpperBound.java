package dev.rpt.core.thresholds;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An upper confidence bound on a calibration metric, which confidence-bound mode holds to a class's maximum instead of
 * the measured value.
 *
 * @param value the bound
 * @param name what it is, for messages, e.g. {@code one-sided 99.5% upper bound}
 */
@API(status = INTERNAL, since = "0.3")
public record UpperBound(double value, String name) {

    public UpperBound {
        Objects.requireNonNull(name, "name");
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("an upper bound on a calibration metric lies in [0, 1], was " + value);
        }
    }
}
