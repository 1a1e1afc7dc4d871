package dev.rpt.tools.html;

import static dev.rpt.tools.html.Html.escape;

import dev.rpt.tools.record.SummaryJson;
import dev.rpt.tools.record.TuneRecord;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A tune: its outcome, the accuracy, ECE and Brier per iteration as a chart and a table, and per iteration the
 * failure modes its diagnostic report named (with example case ids) and the prompt diff of the patch that produced
 * it, with the modes that patch targeted.
 */
final class TuneSection {

    private TuneSection() {}

    static void append(StringBuilder html, TuneRecord tune) {
        html.append("<section id=\"tune\">\n<h2>Tune</h2>\n");
        html.append("<p class=\"meta\">record <code>")
                .append(escape(tune.directory().toString()))
                .append("</code> · best iteration ")
                .append(tune.bestIteration())
                .append(tune.written() ? " (written to the prompt file)" : " (not written)")
                .append(" · objective ")
                .append(escape(tune.objective()))
                .append(" · stopped: ")
                .append(escape(tune.stopReason()))
                .append("</p>\n");
        if (tune.iterations().isEmpty()) {
            html.append("<p class=\"empty\">The record holds no evaluated iteration.</p>\n</section>\n");
            return;
        }
        adoption(html, tune);
        ClassSection.figure(
                html,
                "trajectory",
                Charts.trajectory(tune.iterations(), "tune-trajectory"),
                "Solid: selection cases of the held-out split, which rank the candidates. Dashed: tune split, which the"
                        + " optimizer saw.");
        trajectoryTable(html, tune);
        for (TuneRecord.Iteration iteration : tune.iterations()) {
            iteration(html, iteration, iteration.iteration() == tune.bestIteration());
        }
        html.append("</section>\n");
    }

    /**
     * The adoption decision: seed against the best candidate on each split, side by side with their intervals, and
     * the paired test on the confirmation cases that decided.
     */
    private static void adoption(StringBuilder html, TuneRecord tune) {
        if (tune.adoption().isEmpty()) {
            return;
        }
        SummaryJson.AdoptionJson adoption = tune.adoption().get();
        TuneRecord.Iteration seed = tune.iterations().get(0);
        TuneRecord.Iteration best = tune.iterations().stream()
                .filter(it -> it.iteration() == tune.bestIteration())
                .findFirst()
                .orElse(seed);
        html.append("<h3>Adoption</h3>\n<p class=\"verdict ")
                .append(adoption.adopted() ? "pass" : "fail")
                .append("\"><strong>")
                .append(adoption.adopted() ? "Adopted" : "Not adopted")
                .append(":</strong> ")
                .append(escape(adoption.reason()))
                .append(adoption.adopted() ? "" : ". The seed was kept")
                .append(".</p>\n<table class=\"metrics\">\n<thead><tr><th>cases</th><th>n</th><th>seed accuracy</th>"
                        + "<th>interval</th><th>final accuracy</th><th>interval</th></tr></thead>\n<tbody>\n");
        splitRow(html, "tune split (the optimizer saw it)", Optional.of(seed.tune()), Optional.of(best.tune()));
        splitRow(html, "selection (ranked the candidates)", Optional.of(seed.holdout()), Optional.of(best.holdout()));
        splitRow(html, "confirmation (chose nothing)", seed.confirm(), best.confirm());
        html.append("</tbody>\n</table>\n");
        if (adoption.cases() > 0) {
            html.append("<p class=\"meta\">Gain on the confirmation cases ")
                    .append(
                            adoption.gainInterval() == null
                                    ? ""
                                    : String.format(
                                            Locale.ROOT,
                                            "interval [%+.3f, %+.3f]; ",
                                            adoption.gainInterval().get(0),
                                            adoption.gainInterval().get(1)))
                    .append(escape(adoption.test()))
                    .append(
                            adoption.pValue().isPresent()
                                    ? String.format(
                                            Locale.ROOT,
                                            ", one-sided p = %.4f",
                                            adoption.pValue().getAsDouble())
                                    : "")
                    .append(".</p>\n");
        }
    }

    private static void splitRow(
            StringBuilder html,
            String label,
            Optional<TuneRecord.SplitScores> seed,
            Optional<TuneRecord.SplitScores> best) {
        html.append("<tr><th scope=\"row\">")
                .append(label)
                .append("</th><td>")
                .append(best.map(b -> String.valueOf(b.n())).orElse(Formats.UNDEFINED))
                .append("</td><td>")
                .append(seed.map(s -> Formats.percent(s.accuracy())).orElse(Formats.UNDEFINED))
                .append("</td><td>")
                .append(seed.map(s -> Formats.interval(s.accuracyCi())).orElse(Formats.UNDEFINED))
                .append("</td><td>")
                .append(best.map(b -> Formats.percent(b.accuracy())).orElse(Formats.UNDEFINED))
                .append("</td><td>")
                .append(best.map(b -> Formats.interval(b.accuracyCi())).orElse(Formats.UNDEFINED))
                .append("</td></tr>\n");
    }

    private static void trajectoryTable(StringBuilder html, TuneRecord tune) {
        boolean repeats =
                tune.iterations().stream().anyMatch(it -> it.reliability().isPresent());
        html.append("<table class=\"trajectory\">\n<thead><tr><th>iteration</th>"
                + "<th>selection n</th><th>selection accuracy</th><th>interval</th><th>selection ECE</th>"
                + "<th>selection Brier</th>"
                + (repeats
                        ? "<th>selection pass rate</th><th>selection pass^k</th><th>unstable (selection)</th>"
                                + "<th>unstable (tune)</th>"
                        : "")
                + "<th>tune accuracy</th><th>tune ECE</th><th>tune Brier</th>"
                + "<th>tune − selection</th>"
                + "<th>targeted</th></tr></thead>\n<tbody>\n");
        for (TuneRecord.Iteration it : tune.iterations()) {
            html.append(it.iteration() == tune.bestIteration() ? "<tr class=\"best\">" : "<tr>")
                    .append("<th scope=\"row\"><a href=\"#iteration-")
                    .append(it.iteration())
                    .append("\">")
                    .append(it.iteration())
                    .append(it.iteration() == tune.bestIteration() ? " (best)" : "")
                    .append("</a></th><td>")
                    .append(it.holdout().n())
                    .append("</td><td>")
                    .append(Formats.percent(it.holdout().accuracy()))
                    .append("</td><td>")
                    .append(Formats.interval(it.holdout().accuracyCi()))
                    .append("</td><td>")
                    .append(Formats.decimal(it.holdout().ece()))
                    .append("</td><td>")
                    .append(Formats.decimal(it.holdout().brier()))
                    .append("</td><td>")
                    .append(repeats ? reliabilityCells(it.reliability()) : "")
                    .append(Formats.percent(it.tune().accuracy()))
                    .append("</td><td>")
                    .append(Formats.decimal(it.tune().ece()))
                    .append("</td><td>")
                    .append(Formats.decimal(it.tune().brier()))
                    .append("</td><td>")
                    .append(gap(it))
                    .append("</td><td class=\"text\">")
                    .append(it.patch().map(p -> targets(p.targets())).orElse("seed"))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /** Pass rate, pass^k and the unstable counts, each cell closed and the next opened. */
    private static String reliabilityCells(Optional<SummaryJson.ReliabilitiesJson> reliability) {
        if (reliability.isEmpty()) {
            return (Formats.UNDEFINED + "</td><td>").repeat(4);
        }
        SummaryJson.ReliabilityJson holdout = reliability.get().holdout();
        SummaryJson.ReliabilityJson tune = reliability.get().tune();
        return Formats.percent(holdout.passRate()) + "</td><td>" + Formats.percent(holdout.passAll()) + "</td><td>"
                + holdout.unstable() + " of " + holdout.cases() + "</td><td>" + tune.unstable() + " of " + tune.cases()
                + "</td><td>";
    }

    /** Tune accuracy minus selection accuracy: the overfitting gap, in points. */
    private static String gap(TuneRecord.Iteration it) {
        return it.tune().accuracy().isPresent() && it.holdout().accuracy().isPresent()
                ? String.format(
                        Locale.ROOT,
                        "%+.1f pts",
                        100
                                * (it.tune().accuracy().getAsDouble()
                                        - it.holdout().accuracy().getAsDouble()))
                : Formats.UNDEFINED;
    }

    private static void iteration(StringBuilder html, TuneRecord.Iteration it, boolean best) {
        html.append("<section class=\"iteration\" id=\"iteration-")
                .append(it.iteration())
                .append("\">\n<h3>Iteration ")
                .append(it.iteration())
                .append(best ? " (best)" : "")
                .append("</h3>\n");
        if (it.patch().isPresent()) {
            html.append("<p><strong>Patch targeted:</strong> ")
                    .append(targets(it.patch().get().targets()))
                    .append("</p>\n");
            if (!it.patch().get().rationale().isBlank()) {
                html.append("<p class=\"rationale\">")
                        .append(escape(it.patch().get().rationale()))
                        .append("</p>\n");
            }
        }
        it.diff().ifPresent(diff -> diff(html, diff));
        html.append("<h4>Failure modes on the tune split</h4>\n");
        if (it.failureModes().isEmpty()) {
            html.append("<p class=\"empty\">No failure mode reported.</p>\n");
        } else {
            html.append("<table class=\"modes\">\n<thead><tr><th>mode</th><th>definition</th><th>cases</th>"
                    + "<th>share of failures</th><th>example cases</th></tr></thead>\n<tbody>\n");
            for (TuneRecord.Mode mode : it.failureModes()) {
                html.append("<tr><td>")
                        .append(escape(mode.label()))
                        .append("</td><td class=\"text\">")
                        .append(escape(mode.definition()))
                        .append("</td><td>")
                        .append(mode.count())
                        .append("</td><td>")
                        .append(Formats.percent(mode.prevalence()))
                        .append("</td><td>");
                for (String example : mode.examples()) {
                    html.append("<code>").append(escape(example)).append("</code> ");
                }
                html.append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        html.append("</section>\n");
    }

    private static String targets(List<String> targets) {
        if (targets.isEmpty()) {
            return "<em>no mode named</em>";
        }
        StringBuilder out = new StringBuilder();
        for (String target : targets) {
            out.append("<span class=\"target\">").append(escape(target)).append("</span> ");
        }
        return out.toString().trim();
    }

    /** A unified diff, one escaped line per span so that additions and removals can be coloured. */
    private static void diff(StringBuilder html, String diff) {
        html.append("<pre class=\"diff\">");
        for (String line : diff.split("\n", -1)) {
            String kind = line.startsWith("+++") || line.startsWith("---")
                    ? "file"
                    : line.startsWith("@@") ? "hunk" : line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : "";
            html.append("<span class=\"")
                    .append(kind)
                    .append("\">")
                    .append(escape(line))
                    .append("</span>\n");
        }
        html.append("</pre>\n");
    }
}
