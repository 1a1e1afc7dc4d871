package dev.rpt.tools.html;

import static dev.rpt.tools.html.Html.escape;

import dev.rpt.tools.gate.ClassComparison;
import dev.rpt.tools.gate.Flip;
import dev.rpt.tools.gate.GateResult;
import dev.rpt.tools.gate.MetricComparison;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The build's verdict at the top of the report {@code rpt:check} writes: passed or failed, every finding, the error
 * budget, each class's comparison with its baseline, metric by metric, with the interval and the adjusted p-value the
 * decision rests on, and the cases that flipped, each with both answers side by side.
 */
final class GateSection {

    /** The most flipped cases shown per class, so that the report stays readable at 10,000 cases. */
    static final int MAX_FLIPS = 50;

    private static final int MAX_TEXT = 400;

    private GateSection() {}

    static void append(StringBuilder html, GateResult gate) {
        html.append("<section id=\"verdict\">\n<h2>The build's verdict: ")
                .append(gate.passed() ? "passed" : "<span class=\"fail\">failed</span>")
                .append("</h2>\n");
        if (gate.violations().isEmpty()) {
            html.append("<p>Every class holds its thresholds and rules")
                    .append(gate.regression().isPresent() ? ", and nothing regressed against the baseline" : "")
                    .append(".</p>\n");
        } else {
            html.append("<ul class=\"findings\">\n");
            gate.violations().forEach(v -> html.append("<li>").append(escape(v)).append("</li>\n"));
            html.append("</ul>\n");
        }
        if (gate.regression().isEmpty()) {
            html.append("<p class=\"meta\">No baseline: only thresholds and rules were checked.</p>\n</section>\n");
            return;
        }
        if (!gate.lines().isEmpty()) {
            // The first line states the family and the budget it shares.
            html.append("<p class=\"meta\">")
                    .append(escape(gate.lines().get(0)))
                    .append("</p>\n");
        }
        html.append("<table class=\"metrics\">\n<thead><tr><th>class</th><th>metric</th><th>shared cases</th>"
                + "<th>baseline</th><th>current</th><th>change [interval]</th><th>level</th><th>p (Holm)</th>"
                + "<th>tolerance</th><th>verdict</th></tr></thead>\n<tbody>\n");
        for (ClassComparison compared : gate.regression().get().classes()) {
            for (MetricComparison metric : compared.metrics()) {
                row(html, compared, metric);
            }
        }
        html.append("</tbody>\n</table>\n");
        for (ClassComparison compared : gate.regression().get().classes()) {
            compared.notes()
                    .forEach(note -> html.append("<p class=\"meta\">")
                            .append(escape(compared.className() + ": " + note))
                            .append("</p>\n"));
        }
        flips(html, gate);
        html.append("</section>\n");
    }

    /**
     * The shared cases whose pass rate moved, right to wrong first, each with the baseline's answer beside the run's:
     * what a reviewer reads to see whether a change is a regression. Cut at {@value #MAX_FLIPS} per class.
     */
    private static void flips(StringBuilder html, GateResult gate) {
        for (ClassComparison compared : gate.regression().get().classes()) {
            if (compared.flips().isEmpty()) {
                continue;
            }
            List<Flip> ordered = compared.flips().stream()
                    .sorted(Comparator.comparing((Flip flip) -> !flip.worse()))
                    .toList();
            long worse = ordered.stream().filter(Flip::worse).count();
            html.append("<h3>")
                    .append(escape(compared.className()))
                    .append(": cases that flipped <span class=\"count\">· ")
                    .append(worse)
                    .append(" right to wrong, ")
                    .append(ordered.size() - worse)
                    .append(" wrong to right</span></h3>\n<table class=\"failures\">\n<thead><tr><th>case</th>"
                            + "<th>pass rate</th><th>baseline's answer</th><th>this run's answer</th></tr></thead>\n"
                            + "<tbody>\n");
            for (Flip flip : ordered.subList(0, Math.min(MAX_FLIPS, ordered.size()))) {
                html.append("<tr class=\"")
                        .append(flip.worse() ? "failed" : "passed")
                        .append("\"><td><code>")
                        .append(escape(flip.caseName()))
                        .append("</code></td><td>")
                        .append(String.format(Locale.ROOT, "%.2f → %.2f", flip.baselineRate(), flip.currentRate()))
                        .append("</td><td class=\"text\">")
                        .append(
                                flip.before()
                                        .map(answer -> escape(answer, MAX_TEXT))
                                        .orElse(
                                                "<em>not recorded: the baseline predates recorded answers; record it again</em>"))
                        .append("</td><td class=\"text\">")
                        .append(flip.after()
                                .map(answer -> escape(answer, MAX_TEXT))
                                .orElse("<em>no answer</em>"))
                        .append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
            if (ordered.size() > MAX_FLIPS) {
                html.append("<p class=\"more\">")
                        .append(ordered.size() - MAX_FLIPS)
                        .append(" more flipped cases; the run report and the baseline hold every case.</p>\n");
            }
        }
    }

    private static void row(StringBuilder html, ClassComparison compared, MetricComparison metric) {
        html.append("<tr><th scope=\"row\">")
                .append(escape(compared.className()))
                .append("</th><td>")
                .append(escape(metric.label()))
                .append("</td><td>")
                .append(metric.cases())
                .append("</td><td>")
                .append(String.format(Locale.ROOT, "%.3f", metric.baseline()))
                .append("</td><td>")
                .append(String.format(Locale.ROOT, "%.3f", metric.current()))
                .append("</td><td>")
                .append(String.format(
                        Locale.ROOT,
                        "%+.3f [%+.3f, %+.3f]",
                        metric.current() - metric.baseline(),
                        metric.lower(),
                        metric.upper()))
                .append("</td><td>")
                .append(String.format(Locale.ROOT, "%.4g%%", 100 * (1 - 2 * metric.alpha())))
                .append("</td><td>")
                .append(
                        Double.isNaN(metric.adjustedP())
                                ? "n/a"
                                : String.format(Locale.ROOT, "%.4f", metric.adjustedP()))
                .append("</td><td>")
                .append(String.format(Locale.ROOT, "%.3f", metric.tolerance()))
                .append("</td><td>")
                .append(metric.regressed() ? "<strong class=\"fail\">regressed</strong>" : "ok")
                .append("</td></tr>\n");
    }
}
