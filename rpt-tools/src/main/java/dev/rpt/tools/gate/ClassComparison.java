package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Objects;
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
        List<String> notes) {

    public ClassComparison {
        Objects.requireNonNull(className, "className");
        metrics = List.copyOf(metrics);
        notes = List.copyOf(notes);
    }

    /** The metrics that regressed. */
    public List<MetricComparison> regressions() {
        return metrics.stream().filter(MetricComparison::regressed).toList();
    }
}
