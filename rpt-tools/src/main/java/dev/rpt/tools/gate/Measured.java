package dev.rpt.tools.gate;

import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Interval;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.report.CaseRecord;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.stat.interval.IntervalUtils;

/**
 * The counters of one element (the run, a class or a case): its samples' metrics plus pass^N over its cases.
 *
 * @param metrics the metrics of every sample
 * @param cases the element's cases that have a scored sample
 * @param passedAll how many of those passed every scored sample
 * @param cost the cost in USD, only known for the run
 */
record Measured(Metrics metrics, int cases, int passedAll, OptionalDouble cost) {

    static Measured of(Collection<List<CaseRecord>> cases, MetricsOptions options, OptionalDouble cost) {
        List<CaseOutcome> outcomes =
                cases.stream().flatMap(List::stream).map(CaseRecord::outcome).toList();
        int scoredCases = 0;
        int passedAll = 0;
        for (List<CaseRecord> records : cases) {
            CaseSamples samples = CaseSamples.of(records);
            if (!samples.allErrored()) {
                scoredCases++;
                passedAll += samples.passedAll() ? 1 : 0;
            }
        }
        // Samples of one case are correlated: over several cases the accuracy interval has the case as its unit. Within
        // one case (a CASE rule) its samples are the independent draws, and Wilson's interval over them is the right
        // one.
        Metrics metrics = cases.size() == 1
                ? Metrics.of(outcomes, options)
                : Metrics.ofCases(
                        cases.stream()
                                .map(records -> records.stream()
                                        .map(CaseRecord::outcome)
                                        .toList())
                                .toList(),
                        options);
        return new Measured(metrics, scoredCases, passedAll, cost);
    }

    /** The counter's value; empty when the element cannot define it. */
    OptionalDouble value(Counter counter) {
        return switch (counter) {
            case ACCURACY -> metrics.accuracy();
            case PASS_ALL -> cases == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) passedAll / cases);
            case ECE -> metrics.eceDebiased();
            case BRIER -> metrics.brier();
            case ERROR_RATE -> {
                int total = metrics.n() + metrics.errored();
                yield total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) metrics.errored() / total);
            }
            case COST -> cost;
        };
    }

    /**
     * The 95% interval of an accuracy-like counter: accuracy's as the metrics give it (the case as the unit), pass^N's
     * Wilson interval over the cases; empty for the others or without cases.
     */
    Optional<Interval> interval(Counter counter) {
        return switch (counter) {
            case ACCURACY -> metrics.accuracyCi();
            case PASS_ALL -> cases == 0 ? Optional.empty() : Optional.of(wilson(cases, passedAll));
            default -> Optional.empty();
        };
    }

    /** Why a counter has no value, for the message. */
    String whyUndefined(Counter counter) {
        return switch (counter) {
            case ACCURACY, PASS_ALL -> "no scored case";
            case ECE, BRIER -> "no scored case has a confidence";
            case ERROR_RATE -> "no case ran";
            case COST -> "the run's cost is unknown; set rpt.price.<model> for every billed model";
        };
    }

    private static Interval wilson(int n, int successes) {
        var ci = IntervalUtils.getWilsonScoreInterval(n, successes, 0.95);
        // As in the report: exactly 0 or 1 at the edges, never a rounding hair off.
        double lower = successes == 0 ? 0 : Math.max(0, ci.getLowerBound());
        double upper = successes == n ? 1 : Math.min(1, ci.getUpperBound());
        return new Interval(lower, upper);
    }
}
