package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** What a {@link Limit} bounds, after JaCoCo's counters. Rates are fractions in {@code [0, 1]}; cost is in USD. */
@API(status = INTERNAL, since = "0.1")
public enum Counter {
    /** Passed scored samples over scored samples. */
    ACCURACY(true),
    /** pass^N: the share of cases that passed every one of their scored samples; equals accuracy with one sample. */
    PASS_ALL(true),
    /** Expected calibration error over the equal-width bins of the metrics options. */
    ECE(false),
    /** Mean squared gap between confidence and outcome. */
    BRIER(false),
    /** Errored samples over all samples. */
    ERROR_RATE(false),
    /** The run's cost in US dollars; only measured per run. */
    COST(false);

    private final boolean higherIsBetter;

    Counter(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    /** Whether a larger value is an improvement. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The name used in messages, e.g. {@code accuracy}, {@code pass^N}, {@code ECE}. */
    public String label() {
        return switch (this) {
            case ACCURACY -> "accuracy";
            case PASS_ALL -> "pass^N";
            case ECE -> "ECE";
            case BRIER -> "Brier";
            case ERROR_RATE -> "error rate";
            case COST -> "cost (USD)";
        };
    }
}
