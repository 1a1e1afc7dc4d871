package dev.rpt.tools.html;

import static dev.rpt.tools.html.Html.escape;

import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.ClassMetrics;
import dev.rpt.core.report.ModelRun;
import dev.rpt.core.report.RunReport;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The side-by-side table of a run that tested several named models: for each, over every case of every class it ran,
 * accuracy with its interval, ECE, Brier, cost and latency. It answers the first question a team asks of a matrix:
 * which model is good enough for this prompt, and at what price.
 */
final class ModelsSection {

    private ModelsSection() {}

    /** Appends the table when the run named its models; a run with one unnamed model has none. */
    static void append(StringBuilder html, RunReport run, MetricsOptions options) {
        if (run.models().isEmpty()) {
            return;
        }
        String level = String.format(Locale.ROOT, "%.0f%%", options.intervalLevel() * 100);
        html.append("<section id=\"models\">\n<h2>Models</h2>\n<table class=\"metrics\">\n<thead><tr><th>model</th>"
                        + "<th>calls</th><th>n</th><th>errored</th><th>accuracy</th><th>")
                .append(level)
                .append(" interval</th><th>ECE</th><th>Brier</th><th>cost</th><th>median latency</th>"
                        + "<th>p95 latency</th></tr></thead>\n<tbody>\n");
        for (ModelRun model : run.models()) {
            List<CaseRecord> cases = run.cases().stream()
                    .filter(c -> c.model().filter(model.name()::equals).isPresent())
                    .toList();
            Metrics metrics = ClassMetrics.of(cases, options);
            long[] latencies = cases.stream()
                    .filter(c -> !c.cached())
                    .mapToLong(CaseRecord::latencyMs)
                    .sorted()
                    .toArray();
            html.append("<tr><th><code>")
                    .append(escape(model.name()))
                    .append("</code><br><span class=\"where\">")
                    .append(escape(model.model().label()))
                    .append(model.informational() ? " · informational" : "")
                    .append("</span></th><td>")
                    .append(model.usage().calls())
                    .append("</td><td>")
                    .append(metrics.n())
                    .append("</td><td>")
                    .append(metrics.errored())
                    .append("</td><td>")
                    .append(Formats.percent(metrics.accuracy()))
                    .append("</td><td>")
                    .append(Formats.interval(metrics.accuracyCi()))
                    .append("</td><td>")
                    .append(Formats.decimal(metrics.ece()))
                    .append("</td><td>")
                    .append(Formats.decimal(metrics.brier()))
                    .append("</td><td>")
                    .append(cost(model))
                    .append("</td><td>")
                    .append(percentile(latencies, 0.5))
                    .append("</td><td>")
                    .append(percentile(latencies, 0.95))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n<p class=\"meta\">Cost is priced per configuration"
                + " (<code>rpt.models.&lt;name&gt;.price.*</code>); latency counts the calls the cache did not"
                + " answer.</p>\n</section>\n");
    }

    private static String cost(ModelRun model) {
        return model.usage().costUsd().isPresent()
                ? String.format(Locale.ROOT, "$%.4f", model.usage().costUsd().getAsDouble())
                : Formats.UNDEFINED;
    }

    /** The nearest-rank percentile of sorted latencies, in milliseconds. */
    private static String percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Formats.UNDEFINED;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return String.format(Locale.ROOT, "%,d ms", sorted[Math.max(0, rank - 1)]);
    }

    /** Whether the run's models table exists, for the navigation. */
    static Optional<String> link(RunReport run) {
        return run.models().isEmpty() ? Optional.empty() : Optional.of(" · <a href=\"#models\">models</a>");
    }
}
