package dev.rpt.core.thresholds;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.Interval;
import dev.rpt.core.calibration.ToolMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * A tool-calling class's bounds on its tool use, from {@code @Thresholds(minToolSelection, minToolArguments)}:
 * checked as the accuracy bound is, on the estimate in point-estimate mode and on its one-sided Wilson lower bound in
 * confidence-bound mode, where each is one bound of the build's error budget.
 *
 * @param minSelection the least share of scored answers that call exactly the expected tools
 * @param minArguments the least share of scored answers that pass the expected arguments
 */
@API(status = INTERNAL, since = "0.3")
public record ToolBounds(OptionalDouble minSelection, OptionalDouble minArguments) {

    /** No bound on tool use. */
    public static final ToolBounds NONE = new ToolBounds(OptionalDouble.empty(), OptionalDouble.empty());

    public ToolBounds {
        Objects.requireNonNull(minSelection, "minSelection");
        Objects.requireNonNull(minArguments, "minArguments");
        for (OptionalDouble bound : List.of(minSelection, minArguments)) {
            if (bound.isPresent() && !(bound.getAsDouble() >= 0 && bound.getAsDouble() <= 1)) {
                throw new IllegalArgumentException(
                        "a tool-use bound is a share between 0 and 1, got " + bound.getAsDouble());
            }
        }
    }

    /** The bounds of an annotation's values, {@code NaN} meaning unset. */
    public static ToolBounds of(double minSelection, double minArguments) {
        return new ToolBounds(present(minSelection), present(minArguments));
    }

    /** How many bounds are set: each is one test of the build's error budget in confidence-bound mode. */
    public int count() {
        return (minSelection.isPresent() ? 1 : 0) + (minArguments.isPresent() ? 1 : 0);
    }

    /**
     * The verdict of each set bound.
     *
     * @param measured the class's tool metrics at the report's interval level; empty without a tool-calling case
     * @param atBound the same at the level of the one-sided bound ({@code 1 − 2α}), in confidence-bound mode
     * @param boundAlpha the one-sided α of confidence-bound mode; empty in point-estimate mode
     */
    public List<BoundCheck> checks(
            Optional<ToolMetrics> measured, Optional<ToolMetrics> atBound, OptionalDouble boundAlpha) {
        List<BoundCheck> checks = new ArrayList<>();
        minSelection.ifPresent(min -> checks.add(check(
                "tool selection",
                "minToolSelection",
                min,
                measured,
                atBound,
                boundAlpha,
                ToolMetrics::selection,
                ToolMetrics::selectionInterval,
                ToolMetrics::selectionScored)));
        minArguments.ifPresent(min -> checks.add(check(
                "tool arguments",
                "minToolArguments",
                min,
                measured,
                atBound,
                boundAlpha,
                ToolMetrics::arguments,
                ToolMetrics::argumentsInterval,
                ToolMetrics::argumentsScored)));
        return checks;
    }

    private static BoundCheck check(
            String metric,
            String key,
            double min,
            Optional<ToolMetrics> measured,
            Optional<ToolMetrics> atBound,
            OptionalDouble boundAlpha,
            Function<ToolMetrics, OptionalDouble> rate,
            Function<ToolMetrics, Optional<Interval>> interval,
            Function<ToolMetrics, Integer> scored) {
        String limit = String.format(Locale.ROOT, "≥ %.3f", min) + (boundAlpha.isPresent() ? " (lower bound)" : "");
        OptionalDouble estimate = measured.map(rate).orElse(OptionalDouble.empty());
        if (estimate.isEmpty()) {
            return new BoundCheck(
                    metric,
                    limit,
                    "not measurable",
                    false,
                    "@Thresholds(" + key + " = " + min + ") needs answers scored against expected tools, and no case"
                            + " of the class states them: add an expected-tools column to its cases (see"
                            + " docs/tool-calling-prompts.md), or remove the bound.");
        }
        int n = measured.map(scored).orElseThrow();
        String shown = String.format(Locale.ROOT, "%.3f", estimate.getAsDouble())
                + measured.flatMap(interval)
                        .map(i -> String.format(Locale.ROOT, " [%.3f, %.3f]", i.lower(), i.upper()))
                        .orElse("");
        OptionalDouble lower = boundAlpha.isPresent()
                ? atBound.flatMap(interval)
                        .map(i -> OptionalDouble.of(i.lower()))
                        .orElse(OptionalDouble.of(0))
                : OptionalDouble.empty();
        double compared = lower.orElse(estimate.getAsDouble());
        if (lower.isPresent()) {
            shown += String.format(Locale.ROOT, ", lower bound %.3f", compared);
        }
        if (compared >= min) {
            return new BoundCheck(metric, limit, shown, true, "holds");
        }
        return new BoundCheck(
                metric,
                limit,
                shown,
                false,
                String.format(
                        Locale.ROOT,
                        "%s %s over %d scored answers is below @Thresholds(%s = %s)%s",
                        metric,
                        shown,
                        n,
                        key,
                        min,
                        boundAlpha.isPresent()
                                ? String.format(
                                        Locale.ROOT,
                                        " (confidence-bound mode: the one-sided %.1f%% lower bound must reach it)",
                                        100 * (1 - boundAlpha.getAsDouble()))
                                : ""));
    }

    private static OptionalDouble present(double value) {
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
