package dev.rpt.tools.html;

import static dev.rpt.tools.html.Html.escape;

import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.judge.JudgeAgreement;
import dev.rpt.core.report.CaseRecord;
import java.util.List;
import java.util.Locale;

/**
 * A judged class's judge, measured against the human verdicts of its cases: per criterion the agreement with its
 * interval, Cohen's kappa with its lower bound, the judge's calibration as numbers and as a reliability diagram of its
 * stated probability against what people found, and how often the criterion is met: by the judge, and corrected by
 * its measured error on the labelled answers (prediction-powered inference). Computed from the cases' verdicts and variables, as the run does.
 */
final class JudgeSection {

    private JudgeSection() {}

    static void append(StringBuilder html, int index, List<CaseRecord> own, MetricsOptions options) {
        List<JudgeAgreement> agreements = agreements(own, options);
        if (agreements.isEmpty()) {
            return;
        }
        html.append("<h4>The judge against human verdicts</h4>\n<table class=\"metrics\">\n<thead><tr>"
                + "<th>criterion</th><th>n</th><th>stale</th><th>agreement</th><th>interval</th><th>Cohen's kappa</th>"
                + "<th>kappa's 95% lower bound</th><th>judge Brier</th><th>judge ECE</th><th>met: judge</th>"
                + "<th>met: corrected by the labels [95%]</th></tr></thead>\n<tbody>\n");
        agreements.forEach(agreement -> row(html, agreement));
        html.append("</tbody>\n</table>\n<div class=\"charts\">\n");
        for (int i = 0; i < agreements.size(); i++) {
            JudgeAgreement agreement = agreements.get(i);
            ClassSection.figure(
                    html,
                    "reliability",
                    Charts.reliability(agreement.calibration().reliability(), "judge-" + index + "-" + i),
                    "The judge on '" + escape(agreement.criterion()) + "': bars are the share of answers people"
                            + " found meeting the criterion, per bin of the judge's stated probability; the dashed"
                            + " diagonal is a judge whose probabilities mean what they say.");
        }
        html.append("</div>\n");
    }

    /** One criterion's row: the agreement, kappa with its lower bound, the judge's calibration and both met rates. */
    private static void row(StringBuilder html, JudgeAgreement agreement) {
        html.append("<tr><th scope=\"row\">")
                .append(escape(agreement.criterion()))
                .append("</th><td>")
                .append(agreement.n())
                .append("</td><td>")
                .append(agreement.stale())
                .append("</td><td>")
                .append(Formats.percent(agreement.agreement().accuracy()))
                .append("</td><td>")
                .append(Formats.interval(agreement.agreement().accuracyCi()))
                .append("</td><td>")
                .append(
                        agreement.kappa().isPresent()
                                ? String.format(
                                        Locale.ROOT, "%.3f", agreement.kappa().getAsDouble())
                                : "undefined")
                .append("</td><td>")
                .append(Formats.decimal(agreement.kappaLowerBound(0.05)))
                .append("</td><td>")
                .append(Formats.decimal(agreement.calibration().brier()))
                .append("</td><td>")
                .append(Formats.decimal(agreement.calibration().ece()))
                .append("</td><td>")
                .append(agreement
                        .metRate()
                        .map(rate -> String.format(Locale.ROOT, "%.3f of %d", rate.judgeRate(), rate.judged()))
                        .orElse(Formats.UNDEFINED))
                .append("</td><td>")
                .append(agreement
                        .metRate()
                        .map(rate -> String.format(
                                Locale.ROOT,
                                "%.3f [%.3f, %.3f] with %d labels",
                                rate.estimate(),
                                rate.interval().lower(),
                                rate.interval().upper(),
                                rate.labelled()))
                        .orElse(Formats.UNDEFINED))
                .append("</td></tr>\n");
    }

    /** The judge's agreement per criterion over a class's cases, tallied from their records as the run tallies it. */
    static List<JudgeAgreement> agreements(List<CaseRecord> own, MetricsOptions options) {
        JudgeAgreement.Tally tally = new JudgeAgreement.Tally();
        own.stream()
                .filter(c -> !c.judgements().isEmpty())
                .forEach(c -> tally.add(c.judgements(), c.vars(), c.answer().orElse(""), c.labels()));
        return tally.results(options);
    }
}
