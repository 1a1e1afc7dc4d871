package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * The run compared with its baseline.
 *
 * @param classes every class of the run that the baseline knows, in report order
 * @param notes classes of the run the baseline does not know, and baseline classes the run did not run
 */
@API(status = INTERNAL, since = "0.1")
public record RegressionReport(List<ClassComparison> classes, List<String> notes) {

    public RegressionReport {
        classes = List.copyOf(classes);
        notes = List.copyOf(notes);
    }

    /** This report with its notes reworded for a front end's users ({@link GateResult#reworded}). */
    RegressionReport reworded(UnaryOperator<String> wording) {
        return new RegressionReport(
                classes.stream().map(compared -> compared.reworded(wording)).toList(),
                notes.stream().map(wording).toList());
    }

    /** Whether no metric of any class regressed and no class lacks a case of its baseline. */
    public boolean passed() {
        return failures().isEmpty();
    }

    /** Every regressed metric. */
    public List<MetricComparison> regressions() {
        return classes.stream().flatMap(c -> c.regressions().stream()).toList();
    }

    /**
     * One message per class that lacks cases of its baseline, then one per regression, each naming the class, the
     * metric, both values, the interval, p and the fix.
     */
    public List<String> failures() {
        List<String> failures = new ArrayList<>();
        classes.forEach(c -> c.missingCases().ifPresent(failures::add));
        regressions().forEach(m -> failures.add(m.message()));
        return failures;
    }

    /** Every line worth showing: notes first, then each class's notes and metric lines. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(notes);
        for (ClassComparison c : classes) {
            c.notes().forEach(note -> lines.add(c.className() + ": " + note));
            c.metrics().forEach(m -> lines.add(m.message()));
        }
        return lines;
    }
}
