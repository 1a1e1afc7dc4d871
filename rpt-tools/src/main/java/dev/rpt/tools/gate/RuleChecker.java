package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.Interval;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.report.CaseKey;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.thresholds.CheckMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import org.apiguardian.api.API;

/**
 * Checks {@link Rule}s against a run report, as JaCoCo's {@code check} goal checks coverage rules: every element of
 * each rule's kind against each of its limits, and every violation reported, not only the first.
 */
@API(status = INTERNAL, since = "0.1")
public final class RuleChecker {

    private final CheckMode mode;
    private final MetricsOptions options;

    /**
     * A checker.
     *
     * @param mode how accuracy and pass^N meet their bounds
     * @param options how ECE is binned; use the run's {@code rpt.metrics.bins} so the numbers match the report
     */
    public RuleChecker(CheckMode mode, MetricsOptions options) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Checks the rules.
     *
     * @param report the run; its cost is the report's {@code usage.costUsd}, unknown when some billed model has no price
     * @param rules the rules, in order
     * @return every violation
     */
    public CheckResult check(RunReport report, List<Rule> rules) {
        OptionalDouble costUsd = report.usage().costUsd();
        Map<String, SortedMap<CaseKey, List<CaseRecord>>> table = CaseTable.of(report);
        List<Violation> violations = new ArrayList<>();
        for (Rule rule : rules) {
            switch (rule.element()) {
                case RUN -> {
                    List<List<CaseRecord>> all = new ArrayList<>();
                    table.values().forEach(cases -> all.addAll(cases.values()));
                    check(rule, "run", Measured.of(all, options, costUsd), violations);
                }
                case CLASS ->
                    table.forEach((name, cases) -> check(
                            rule, name, Measured.of(cases.values(), options, OptionalDouble.empty()), violations));
                case CASE ->
                    table.forEach((name, cases) -> cases.forEach((key, records) -> check(
                            rule,
                            name + "#" + key.inClass(),
                            Measured.of(List.of(records), options, OptionalDouble.empty()),
                            violations)));
            }
        }
        return new CheckResult(violations);
    }

    private void check(Rule rule, String name, Measured measured, List<Violation> out) {
        for (Limit limit : rule.limits()) {
            Counter counter = limit.counter();
            OptionalDouble value = measured.value(counter);
            String subject = name + ": " + counter.label();
            if (value.isEmpty()) {
                out.add(new Violation(
                        rule.element(),
                        name,
                        counter,
                        subject + " cannot be measured (" + measured.whyUndefined(counter) + "), so its limit "
                                + describe(limit) + " cannot hold"));
                continue;
            }
            Optional<Interval> interval =
                    mode == CheckMode.CONFIDENCE_BOUND ? measured.interval(counter) : Optional.empty();
            if (interval.isPresent()
                    && rule.element() == Element.CASE
                    && limit.minimum().isPresent()) {
                Optional<String> unreachable = unreachable(limit.minimum().getAsDouble(), measured.metrics());
                if (unreachable.isPresent()) {
                    out.add(new Violation(rule.element(), name, counter, subject + " " + unreachable.get()));
                    continue;
                }
            }
            double measuredValue = value.getAsDouble();
            String shown = format(measuredValue)
                    + interval.map(ci -> " (95% Wilson interval " + format(ci.lower()) + "–" + format(ci.upper()) + ")")
                            .orElse("");
            limit.minimum().ifPresent(min -> {
                double compared = interval.map(Interval::lower).orElse(measuredValue);
                if (compared < min) {
                    out.add(new Violation(
                            rule.element(),
                            name,
                            counter,
                            subject + " " + shown + " is below the minimum " + format(min)
                                    + (interval.isPresent() ? ": the interval's lower end must reach it" : "")));
                }
            });
            limit.maximum().ifPresent(max -> {
                double compared = interval.map(Interval::upper).orElse(measuredValue);
                if (compared > max) {
                    out.add(new Violation(
                            rule.element(),
                            name,
                            counter,
                            subject + " " + shown + " is above the maximum " + format(max)
                                    + (interval.isPresent() ? ": the interval's upper end must stay below it" : "")));
                }
            });
        }
    }

    /**
     * Why a case's minimum can never be shown in confidence-bound mode: even every sample passing gives a Wilson lower
     * bound below it. Such a rule would fail every case whatever the model does, so it is an error that says how many
     * samples it needs: all n passing give a lower bound of n / (n + z²), at least {@code min} from n ≥ z² min / (1 −
     * min).
     */
    static Optional<String> unreachable(double min, dev.rpt.core.calibration.Metrics metrics) {
        int samples = metrics.n();
        if (samples == 0 || min <= 0) {
            return Optional.empty();
        }
        double z = 1.959963984540054;
        double best = samples / (samples + z * z);
        if (best >= min) {
            return Optional.empty();
        }
        long needed = min >= 1 ? Long.MAX_VALUE : (long) Math.ceil(z * z * min / (1 - min) - 1e-9);
        return Optional.of("cannot reach the minimum " + format(min) + " in confidence-bound mode with " + samples
                + (samples == 1 ? " sample" : " samples") + ": even " + samples + " of " + samples + " passing give a"
                + " 95% lower bound of " + format(best) + ". "
                + (needed == Long.MAX_VALUE
                        ? "A minimum of 1 can never be shown by an interval: use rpt.check.mode=point-estimate."
                        : "It needs at least " + needed + " samples per case (rpt.repeat=" + needed + "), or use"
                                + " rpt.check.mode=point-estimate."));
    }

    private static String describe(Limit limit) {
        List<String> parts = new ArrayList<>();
        limit.minimum().ifPresent(min -> parts.add("≥ " + format(min)));
        limit.maximum().ifPresent(max -> parts.add("≤ " + format(max)));
        return String.join(" and ", parts);
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
