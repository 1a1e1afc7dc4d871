package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.settings.RunSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How the gate compares a run with its baseline, from the {@code rpt.check.*} and {@code rpt.metrics.*} keys. How a
 * class's verdict is decided ({@code rpt.check.mode}, the bins) is not here: the gate reads each verdict, and the
 * settings it was decided with, from the run report ({@link dev.rpt.core.verdict.VerdictSettings}).
 *
 * @param metrics the metric options ({@code rpt.metrics.*}) for a baseline written from a run
 * @param regression the regression test's level and tolerances ({@code rpt.check.alpha}, {@code
 *     rpt.check.tolerance.*})
 * @param baseline the baseline file, relative to the project ({@code rpt.check.baseline})
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record GateSettings(MetricsOptions metrics, RegressionOptions regression, Path baseline) {

    public GateSettings {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(regression, "regression");
        Objects.requireNonNull(baseline, "baseline");
    }

    /**
     * The warning for a project that sets {@code rpt.check.alpha}: it used to be each class's level, and is now the
     * level of the whole run report's regression tests, so a value tuned for the old meaning fails less often now.
     */
    public static Optional<String> alphaMeaningNote(RptConfig config) {
        return config.string(RptConstants.CHECK_ALPHA)
                .map(value -> RptConstants.CHECK_ALPHA + "=" + value + " is now the error budget of the whole"
                        + " rpt:check (every class, model, metric and judged criterion of the run report, Holm's"
                        + " step-down), no longer each class's level. If it was lowered to make up for many classes,"
                        + " set it back to the family-wise level you want, e.g. 0.05 (see CHANGELOG and docs/ci.md).");
    }

    /**
     * Reads every key the gate uses.
     *
     * @throws dev.rpt.core.config.ConfigException naming the key when a value is invalid
     */
    public static GateSettings from(RptConfig config) {
        return from(RunSettings.of(config));
    }

    /**
     * Reads every key the gate uses from the run's settings.
     *
     * @throws dev.rpt.core.config.ConfigException naming the key when a value is invalid
     */
    public static GateSettings from(RunSettings settings) {
        RptConfig config = settings.config();
        MetricsOptions metrics = settings.metrics();
        RegressionOptions defaults = RegressionOptions.DEFAULTS;
        RegressionOptions regression = new RegressionOptions(
                config.number(RptConstants.CHECK_ALPHA, 1e-6, 0.4999).orElse(defaults.alpha()),
                config.number(RptConstants.CHECK_TOLERANCE_ACCURACY, 0, 1).orElse(defaults.accuracyTolerance()),
                config.number(RptConstants.CHECK_TOLERANCE_ECE, 0, 1).orElse(defaults.eceTolerance()),
                config.number(RptConstants.CHECK_TOLERANCE_BRIER, 0, 1).orElse(defaults.brierTolerance()),
                defaults.resamples(),
                defaults.seed(),
                metrics);
        return new GateSettings(
                metrics,
                regression,
                Path.of(config.string(RptConstants.CHECK_BASELINE).orElse(Baseline.DEFAULT_PATH)));
    }
}
