package dev.rpt.core.calibration;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apiguardian.api.API;

/**
 * A tool-calling class's tool use: how often its answers called exactly the expected tools, how often they passed the
 * expected arguments, and how many model turns they took. Each rate is estimated with the case as the unit (the
 * samples of a repeated case are correlated, see {@link AccuracyInterval#clustered}), each with its interval at the
 * run's level; the steps are averaged per case first, then over cases, with a Student t interval.
 *
 * @param answers the answers of the class's tool-calling cases, every sample counted
 * @param selection the share of scored answers whose tools were exactly the expected ones, over {@code selectionScored}
 * @param selectionScored the answers whose case states its expected tools
 * @param selectionInterval the interval of {@code selection}
 * @param arguments the share of answers whose expected calls with arguments were made with them, over {@code
 *     argumentsScored}
 * @param argumentsScored the answers whose case states expected arguments
 * @param argumentsInterval the interval of {@code arguments}
 * @param meanSteps the mean number of model turns per answer (per case, then over cases)
 * @param stepsInterval the t interval of {@code meanSteps}, its lower bound at least 1 (every answer takes a turn);
 *     empty with fewer than two cases, or when every case took the same number of steps
 * @param uniformSteps whether there are several cases and every one took the same mean number of steps, so that
 *     their spread, and an interval, cannot be estimated
 */
@API(status = INTERNAL, since = "0.1")
public record ToolMetrics(
        int answers,
        OptionalDouble selection,
        int selectionScored,
        Optional<Interval> selectionInterval,
        OptionalDouble arguments,
        int argumentsScored,
        Optional<Interval> argumentsInterval,
        double meanSteps,
        Optional<Steps> stepsInterval,
        boolean uniformSteps) {

    /** An interval of the mean number of steps. */
    public record Steps(double lower, double upper) {}

    /**
     * One answer's tool use, as the metrics need it.
     *
     * @param steps its model turns
     * @param selection whether it called exactly the expected tools, when its case states them
     * @param arguments whether it passed the expected arguments, when its case states them
     */
    public record Sample(int steps, Optional<Boolean> selection, Optional<Boolean> arguments) {}

    /**
     * The metrics over a class's cases, each a list of its samples; empty when no case has a sample.
     *
     * @param level the interval's confidence level, e.g. 0.95
     */
    public static Optional<ToolMetrics> of(List<List<Sample>> cases, double level) {
        List<List<Sample>> answered = cases.stream().filter(c -> !c.isEmpty()).toList();
        if (answered.isEmpty()) {
            return Optional.empty();
        }
        int answers = answered.stream().mapToInt(List::size).sum();
        Rate selection = rate(answered, Sample::selection, level);
        Rate arguments = rate(answered, Sample::arguments, level);
        SummaryStatistics perCase = new SummaryStatistics();
        answered.forEach(c ->
                perCase.addValue(c.stream().mapToInt(Sample::steps).average().orElseThrow()));
        return Optional.of(new ToolMetrics(
                answers,
                selection.share(),
                selection.scored(),
                selection.interval(),
                arguments.share(),
                arguments.scored(),
                arguments.interval(),
                perCase.getMean(),
                meanInterval(perCase, level),
                perCase.getN() > 1 && perCase.getStandardDeviation() == 0));
    }

    /**
     * One line for people, each number with what it counts and its interval at {@code percent}% confidence, e.g.
     * {@code tool selection 0.917 [0.816, 0.964] (60 answers scored), arguments 0.950 [0.835, 0.986] (40 scored),
     * steps 2.30 [2.12, 2.48] per answer (60 answers)}.
     */
    public String describe(int percent) {
        StringBuilder line = new StringBuilder();
        if (selection.isPresent()) {
            line.append("tool selection ")
                    .append(rate(selection.getAsDouble(), selectionInterval))
                    .append(" (")
                    .append(selectionScored)
                    .append(selectionScored == 1 ? " answer" : " answers")
                    .append(" scored), ");
        }
        if (arguments.isPresent()) {
            line.append("arguments ")
                    .append(rate(arguments.getAsDouble(), argumentsInterval))
                    .append(" (")
                    .append(argumentsScored)
                    .append(" scored), ");
        }
        line.append(String.format(Locale.ROOT, "steps %.2f", meanSteps));
        stepsInterval.ifPresent(i -> line.append(String.format(Locale.ROOT, " [%.2f, %.2f]", i.lower(), i.upper())));
        line.append(" per answer (").append(answers).append(answers == 1 ? " answer" : " answers");
        if (stepsInterval.isEmpty() && uniformSteps) {
            line.append(", every case the same, so no interval");
        }
        line.append(")");
        if (selection.isPresent() || arguments.isPresent() || stepsInterval.isPresent()) {
            line.append("; ").append(percent).append("% intervals");
        }
        return line.toString();
    }

    private static String rate(double value, Optional<Interval> interval) {
        return String.format(Locale.ROOT, "%.3f", value)
                + interval.map(i -> String.format(Locale.ROOT, " [%.3f, %.3f]", i.lower(), i.upper()))
                        .orElse("");
    }

    private record Rate(OptionalDouble share, int scored, Optional<Interval> interval) {}

    private static Rate rate(List<List<Sample>> cases, Function<Sample, Optional<Boolean>> score, double level) {
        List<int[]> counts = new ArrayList<>();
        int scored = 0;
        int held = 0;
        boolean repeated = false;
        for (List<Sample> samples : cases) {
            int n = 0;
            int k = 0;
            for (Sample sample : samples) {
                Optional<Boolean> value = score.apply(sample);
                if (value.isPresent()) {
                    n++;
                    k += value.get() ? 1 : 0;
                }
            }
            counts.add(new int[] {n, k});
            scored += n;
            held += k;
            repeated |= n > 1;
        }
        if (scored == 0) {
            return new Rate(OptionalDouble.empty(), 0, Optional.empty());
        }
        Optional<Interval> interval =
                repeated ? AccuracyInterval.clustered(counts, level) : AccuracyInterval.wilson(scored, held, level);
        return new Rate(OptionalDouble.of((double) held / scored), scored, interval);
    }

    private static Optional<Steps> meanInterval(SummaryStatistics perCase, double level) {
        long n = perCase.getN();
        // With every case at the same count the spread cannot be estimated: a zero-width interval would claim more
        // than a handful of cases show, so there is none.
        if (n < 2 || perCase.getStandardDeviation() == 0) {
            return Optional.empty();
        }
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        double half = t * perCase.getStandardDeviation() / Math.sqrt(n);
        return Optional.of(new Steps(Math.max(1.0, perCase.getMean() - half), perCase.getMean() + half));
    }
}
