package dev.rpt.core.calibration;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * How the metrics are computed. {@link #DEFAULTS} holds 10 bins, thresholds 0.8 and 0.2 and a 95% interval.
 *
 * @param bins the number of bins for ECE, equal-mass ECE and the reliability diagram, 1 to {@value #MAX_BINS}
 * @param overconfidenceThreshold a wrong answer with at least this confidence counts as overconfident, in {@code (0,
 *     1]}
 * @param underconfidenceThreshold a right answer with at most this confidence counts as underconfident, in {@code [0,
 *     1)}
 * @param intervalLevel the confidence level of the accuracy interval, strictly between 0 and 1
 */
@API(status = INTERNAL, since = "0.1")
public record MetricsOptions(
        int bins, double overconfidenceThreshold, double underconfidenceThreshold, double intervalLevel) {

    /** The most bins allowed; more would leave almost every bin empty for any realistic test suite. */
    public static final int MAX_BINS = 1000;

    /** 10 bins, overconfidence at 0.8 and above, underconfidence at 0.2 and below, a 95% Wilson interval. */
    public static final MetricsOptions DEFAULTS = new MetricsOptions(10, 0.8, 0.2, 0.95);

    public MetricsOptions {
        if (bins < 1 || bins > MAX_BINS) {
            throw new IllegalArgumentException(
                    "bins must be an integer between 1 and " + MAX_BINS + ", was " + bins + " (the default is 10)");
        }
        if (!(overconfidenceThreshold > 0.0 && overconfidenceThreshold <= 1.0)) {
            throw new IllegalArgumentException("overconfidenceThreshold must be a number in (0, 1], was "
                    + overconfidenceThreshold + " (the default is 0.8)");
        }
        if (!(underconfidenceThreshold >= 0.0 && underconfidenceThreshold < 1.0)) {
            throw new IllegalArgumentException("underconfidenceThreshold must be a number in [0, 1), was "
                    + underconfidenceThreshold + " (the default is 0.2)");
        }
        if (!(intervalLevel > 0.0 && intervalLevel < 1.0)) {
            throw new IllegalArgumentException("intervalLevel must be a number strictly between 0 and 1, was "
                    + intervalLevel + " (the default is 0.95)");
        }
    }

    /** The defaults with the run's {@code rpt.metrics.bins}, so every reader of a run bins as the run did. */
    public static MetricsOptions from(dev.rpt.core.config.RptConfig config) {
        return DEFAULTS.withBins(config.integer(dev.rpt.core.config.RptConstants.METRICS_BINS, 1, MAX_BINS)
                .orElse(DEFAULTS.bins()));
    }

    /** These options with another number of bins. */
    public MetricsOptions withBins(int newBins) {
        return new MetricsOptions(newBins, overconfidenceThreshold, underconfidenceThreshold, intervalLevel);
    }

    /** These options with another overconfidence threshold. */
    public MetricsOptions withOverconfidenceThreshold(double threshold) {
        return new MetricsOptions(bins, threshold, underconfidenceThreshold, intervalLevel);
    }

    /** These options with another underconfidence threshold. */
    public MetricsOptions withUnderconfidenceThreshold(double threshold) {
        return new MetricsOptions(bins, overconfidenceThreshold, threshold, intervalLevel);
    }

    /** These options with another confidence level for the accuracy interval. */
    public MetricsOptions withIntervalLevel(double level) {
        return new MetricsOptions(bins, overconfidenceThreshold, underconfidenceThreshold, level);
    }
}
