package dev.rpt.core.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.CalibrationBounds;
import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.thresholds.CheckMode;
import dev.rpt.core.thresholds.LowerBound;
import dev.rpt.core.thresholds.UpperBound;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * The settings a class's verdict is decided with. The engine decides every verdict with them and records them in the
 * run report; {@code rpt:check} and {@code rpt:report} take them from there, so that a setting given to the test JVM
 * only (Surefire's {@code systemPropertyVariables}) still holds for the gate.
 *
 * <p>In confidence-bound mode every bound is a test: a class passes only when the data show, at a one-sided level,
 * that its accuracy reaches the minimum, that its (debiased) ECE and its Brier score stay at or below their maximum,
 * and that the judge's kappa with the human verdicts reaches {@code minKappa} on every judged criterion. The test phase judges classes one by one, before every result exists,
 * so the build's error budget {@code rpt.check.alpha} is split evenly over the bounds the run will test, counted when
 * the tests are discovered (Bonferroni): the chance that any class whose true accuracy is below its minimum passes
 * is then at most {@code alpha}, whatever the classes' results have to do with each other.
 *
 * @param mode how accuracy meets its minimum ({@code rpt.check.mode})
 * @param metrics the metric options ({@code rpt.metrics.*})
 * @param alpha the build's error budget ({@code rpt.check.alpha}), which the confidence bounds share
 * @param confidenceBounds how many bounds the run tests in confidence-bound mode ({@code minAccuracy}, {@code maxEce}
 *     and {@code maxBrier} of each class, and each judged criterion of a class with {@code minKappa}, on every model
 *     that is not informational), counted at discovery; 0 in point-estimate mode
 */
@API(status = INTERNAL, since = "0.3")
public record VerdictSettings(CheckMode mode, MetricsOptions metrics, double alpha, int confidenceBounds) {

    /** The default of {@code rpt.check.alpha}: the build's error budget. */
    public static final double DEFAULT_ALPHA = 0.05;

    /** Point estimates with the default metric options. */
    public static final VerdictSettings DEFAULTS = pointEstimate(MetricsOptions.DEFAULTS);

    public VerdictSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(metrics, "metrics");
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be strictly between 0 and 0.5, was " + alpha);
        }
        if (confidenceBounds < 0) {
            throw new IllegalArgumentException("confidenceBounds cannot be negative, was " + confidenceBounds);
        }
    }

    /** Point estimates with these metric options. */
    public static VerdictSettings pointEstimate(MetricsOptions metrics) {
        return new VerdictSettings(CheckMode.POINT_ESTIMATE, metrics, DEFAULT_ALPHA, 0);
    }

    /**
     * The settings of a run.
     *
     * @param confidenceBounds the accuracy bounds the run will test; ignored in point-estimate mode
     * @throws ConfigException naming the key when a value is invalid
     */
    public static VerdictSettings from(RptConfig config, int confidenceBounds) {
        CheckMode mode = CheckMode.from(config);
        return new VerdictSettings(
                mode,
                MetricsOptions.from(config),
                config.number(RptConstants.CHECK_ALPHA, 1e-6, 0.4999).orElse(DEFAULT_ALPHA),
                mode == CheckMode.CONFIDENCE_BOUND ? confidenceBounds : 0);
    }

    /** The one-sided level of each accuracy bound: its share of the budget. */
    public double boundAlpha() {
        return alpha / Math.max(1, confidenceBounds);
    }

    /**
     * The lower bound that accuracy must reach its minimum with, in confidence-bound mode: the case-level (clustered)
     * Wilson bound at {@link #boundAlpha()}, one-sided; empty in point-estimate mode or without a scored case.
     *
     * @param byCase each case's samples
     */
    public Optional<LowerBound> lowerBound(List<List<CaseOutcome>> byCase) {
        if (mode != CheckMode.CONFIDENCE_BOUND) {
            return Optional.empty();
        }
        // A two-sided interval at 1 - 2·a has a lower end that is the one-sided bound at a.
        return Metrics.ofCases(byCase, metrics.withIntervalLevel(1 - 2 * boundAlpha()))
                .accuracyCi()
                .map(ci -> new LowerBound(ci.lower(), boundName()));
    }

    /**
     * The upper bounds that {@code maxEce} and {@code maxBrier} are held to in confidence-bound mode, each one-sided at
     * {@link #boundAlpha()} with the case as the unit ({@link CalibrationBounds}); both empty in point-estimate mode.
     */
    public Optional<UpperBound> eceUpperBound(List<List<CaseOutcome>> byCase) {
        return mode != CheckMode.CONFIDENCE_BOUND
                ? Optional.empty()
                : upperBound(CalibrationBounds.eceUpper(byCase, metrics.bins(), boundAlpha()));
    }

    /** See {@link #eceUpperBound}. */
    public Optional<UpperBound> brierUpperBound(List<List<CaseOutcome>> byCase) {
        return mode != CheckMode.CONFIDENCE_BOUND
                ? Optional.empty()
                : upperBound(CalibrationBounds.brierUpper(byCase, boundAlpha()));
    }

    private Optional<UpperBound> upperBound(OptionalDouble value) {
        return value.isPresent()
                ? Optional.of(new UpperBound(value.getAsDouble(), boundName().replace("lower", "upper")))
                : Optional.empty();
    }

    /** E.g. {@code one-sided 99.50% lower bound (rpt.check.alpha 0.05 over 10 bounds)}. */
    String boundName() {
        return String.format(
                Locale.ROOT,
                "one-sided %s%% lower bound (rpt.check.alpha %s shared by %d %s)",
                percent(1 - boundAlpha()),
                decimal(alpha),
                Math.max(1, confidenceBounds),
                confidenceBounds == 1 ? "bound" : "bounds");
    }

    /** One line for a log: what the verdicts were decided with. */
    public String describe() {
        if (mode == CheckMode.POINT_ESTIMATE) {
            return "rpt.check.mode=point-estimate, rpt.metrics.bins=" + metrics.bins();
        }
        return "rpt.check.mode=confidence-bound (each of " + confidenceBounds + " "
                + (confidenceBounds == 1 ? "bound" : "bounds") + " at a one-sided " + percent(1 - boundAlpha())
                + "% level: rpt.check.alpha " + decimal(alpha) + " split evenly), rpt.metrics.bins=" + metrics.bins();
    }

    /**
     * The keys {@code config} sets to another value than these settings hold: a gate configured differently from the
     * test run it checks. The verdicts are the run's, so such a key would be silently ignored.
     *
     * @return one sentence per key; empty when nothing conflicts
     */
    public List<String> conflicts(RptConfig config) {
        List<String> conflicts = new ArrayList<>();
        if (config.string(RptConstants.CHECK_MODE).isPresent() && CheckMode.from(config) != mode) {
            conflicts.add(RptConstants.CHECK_MODE + "="
                    + config.string(RptConstants.CHECK_MODE).get() + ", but the checked test run used " + word(mode));
        }
        if (config.string(RptConstants.METRICS_BINS).isPresent()
                && MetricsOptions.from(config).bins() != metrics.bins()) {
            conflicts.add(RptConstants.METRICS_BINS + "="
                    + config.string(RptConstants.METRICS_BINS).get() + ", but the checked test run used "
                    + metrics.bins());
        }
        return conflicts;
    }

    /** The word of {@code rpt.check.mode} for a mode. */
    public static String word(CheckMode mode) {
        return mode == CheckMode.CONFIDENCE_BOUND ? "confidence-bound" : "point-estimate";
    }

    private static String percent(double level) {
        String text = String.format(Locale.ROOT, "%.4f", 100 * level);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
