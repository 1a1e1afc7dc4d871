package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.MetricsOptions;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How the regression test decides. A metric regresses only when its change is worse than its tolerance <em>and</em>
 * significant at {@code alpha}.
 *
 * @param alpha the significance level of each one-sided test ({@code rpt.check.alpha}), in (0, 0.5)
 * @param accuracyTolerance the accuracy drop tolerated, as a positive fraction ({@code rpt.check.tolerance.accuracy})
 * @param eceTolerance the ECE rise tolerated ({@code rpt.check.tolerance.ece})
 * @param brierTolerance the Brier rise tolerated ({@code rpt.check.tolerance.brier})
 * @param resamples bootstrap resamples, at least 100
 * @param seed the bootstrap's seed, so that a check is reproducible
 * @param metrics how ECE is binned; use the run's {@code rpt.metrics.bins}
 */
@API(status = INTERNAL, since = "0.1")
public record RegressionOptions(
        double alpha,
        double accuracyTolerance,
        double eceTolerance,
        double brierTolerance,
        int resamples,
        long seed,
        MetricsOptions metrics) {

    /** alpha 0.05; tolerances 0.02 accuracy, 0.02 ECE, 0.02 Brier; 2,000 resamples, seed 1; default metrics. */
    public static final RegressionOptions DEFAULTS =
            new RegressionOptions(0.05, 0.02, 0.02, 0.02, 2000, 1L, MetricsOptions.DEFAULTS);

    public RegressionOptions {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException(
                    "rpt.check.alpha must be a number strictly between 0 and 0.5, got " + alpha + " (default 0.05)");
        }
        requireTolerance("rpt.check.tolerance.accuracy", accuracyTolerance);
        requireTolerance("rpt.check.tolerance.ece", eceTolerance);
        requireTolerance("rpt.check.tolerance.brier", brierTolerance);
        if (resamples < 100) {
            throw new IllegalArgumentException("bootstrap resamples must be at least 100, got " + resamples);
        }
        Objects.requireNonNull(metrics, "metrics");
    }

    /** These options with other metric options, e.g. the bins the checked run used. */
    public RegressionOptions withMetrics(MetricsOptions newMetrics) {
        return new RegressionOptions(
                alpha, accuracyTolerance, eceTolerance, brierTolerance, resamples, seed, newMetrics);
    }

    /** These options with another alpha. */
    public RegressionOptions withAlpha(double newAlpha) {
        return new RegressionOptions(
                newAlpha, accuracyTolerance, eceTolerance, brierTolerance, resamples, seed, metrics);
    }

    /** These options with other tolerances. */
    public RegressionOptions withTolerances(double accuracy, double ece, double brier) {
        return new RegressionOptions(alpha, accuracy, ece, brier, resamples, seed, metrics);
    }

    /** These options with another number of resamples. */
    public RegressionOptions withResamples(int newResamples) {
        return new RegressionOptions(
                alpha, accuracyTolerance, eceTolerance, brierTolerance, newResamples, seed, metrics);
    }

    /** The tolerance of a compared metric. */
    double tolerance(Counter counter) {
        return switch (counter) {
            case ACCURACY -> accuracyTolerance;
            case ECE -> eceTolerance;
            case BRIER -> brierTolerance;
            default -> throw new IllegalArgumentException(counter + " is not compared with the baseline");
        };
    }

    private static void requireTolerance(String key, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(
                    key + " must be a fraction in [0, 1] (0.02 for two points, not 2), got " + value);
        }
    }
}
