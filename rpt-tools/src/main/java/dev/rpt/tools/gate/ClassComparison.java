package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * One class of the run compared with its baseline.
 *
 * @param className the class, followed by {@code [model]} in a run that names its models
 * @param shared cases scored in both the run and the baseline; the comparisons rest on these
 * @param onlyInRun cases the baseline does not know
 * @param onlyInBaseline baseline cases the run did not run
 * @param erroredInEither cases in both but errored on one side, left out
 * @param promptChanged whether the prompt's sha256 differs from the baseline's
 * @param metrics accuracy, ECE and Brier, those that the shared cases define
 * @param notes what a reader must know besides the metrics: a changed prompt, different case sets, no shared case
 * @param missing the baseline's cases the run did not run, as {@code method[id]}, in case order; the class fails the
 *     gate when there is one, because a comparison on part of the cases is not like with like
 * @param added the run's cases the baseline does not know, as {@code method[id]}, in case order
 * @param flips the shared cases whose pass rate moved, right to wrong or back, each with both answers, in case order
 */
@API(status = INTERNAL, since = "0.1")
public record ClassComparison(
        String className,
        int shared,
        int onlyInRun,
        int onlyInBaseline,
        int erroredInEither,
        boolean promptChanged,
        List<MetricComparison> metrics,
        List<String> notes,
        List<String> missing,
        List<String> added,
        List<Flip> flips) {

    /** This comparison with its metrics decided. */
    ClassComparison withMetrics(List<MetricComparison> decided) {
        return new ClassComparison(
                className,
                shared,
                onlyInRun,
                onlyInBaseline,
                erroredInEither,
                promptChanged,
                decided,
                notes,
                missing,
                added,
                flips);
    }

    /** This comparison with one more note. */
    ClassComparison withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return withNotes(more);
    }

    /** This comparison with its notes reworded for a front end's users ({@link GateResult#reworded}). */
    ClassComparison reworded(UnaryOperator<String> wording) {
        return withNotes(notes.stream().map(wording).toList());
    }

    private ClassComparison withNotes(List<String> replaced) {
        return new ClassComparison(
                className,
                shared,
                onlyInRun,
                onlyInBaseline,
                erroredInEither,
                promptChanged,
                metrics,
                replaced,
                missing,
                added,
                flips);
    }

    /** How many case ids a message names before it counts the rest. */
    static final int NAMED = 5;

    public ClassComparison {
        Objects.requireNonNull(className, "className");
        metrics = List.copyOf(metrics);
        notes = List.copyOf(notes);
        missing = List.copyOf(missing);
        added = List.copyOf(added);
        flips = List.copyOf(flips);
    }

    /**
     * Why the class fails the gate besides its metrics: the run lacks cases the baseline holds. Lost rows, a changed
     * id or a narrowed {@code @Cases(limit)} would otherwise be compared on what is left and pass.
     */
    public Optional<String> missingCases() {
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        int inBaseline = shared + erroredInEither + onlyInBaseline;
        return Optional.of(className + ": " + missing.size() + " of the baseline's " + inBaseline
                + " cases did not run (" + named(missing) + "), so the run cannot be compared like with like with"
                + " its baseline. Restore the cases (a case file that lost rows fails its class in the test phase;"
                + " look there first), or, if they were removed on purpose, record a new baseline with `mvn"
                + " rpt:baseline` and commit it.");
    }

    /** {@code a[1], a[2] and 7 more}: the first ids, then a count. */
    static String named(List<String> ids) {
        String first = String.join(", ", ids.subList(0, Math.min(NAMED, ids.size())));
        return ids.size() > NAMED ? first + " and " + (ids.size() - NAMED) + " more" : first;
    }

    /** The metrics that regressed. */
    public List<MetricComparison> regressions() {
        return metrics.stream().filter(MetricComparison::regressed).toList();
    }
}
