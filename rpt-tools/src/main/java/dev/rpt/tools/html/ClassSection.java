package dev.rpt.tools.html;

import static dev.rpt.tools.html.Html.escape;

import dev.rpt.api.Split;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.judge.JudgeAgreement;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.ClassMetrics;
import dev.rpt.core.report.ToolUse;
import dev.rpt.core.thresholds.BoundCheck;
import dev.rpt.core.thresholds.CheckMode;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.core.verdict.ClassVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One prompt test class: its metrics with intervals over all its cases and per split, when it has thresholds each
 * bound with its measured value and verdict, its reliability diagram and its confidence histogram. The metrics are
 * recomputed from the cases with {@link Metrics#of}, the same code the run report's writer uses; the thresholds are
 * the class's verdict as the run decided and recorded it (what {@code rpt:check} reads), or, for a report written
 * before verdicts were recorded, checked on the metrics over all the class's cases with {@link MetricBounds#check(Metrics,
 * CheckMode)}; {@code minKappa} is shown per criterion with {@link JudgeAgreement#kappaChecks}.
 */
final class ClassSection {

    private ClassSection() {}

    static void append(
            StringBuilder html,
            int index,
            ClassInfo info,
            List<CaseRecord> cases,
            MetricsOptions options,
            CheckMode mode,
            Optional<ClassVerdict> verdict) {
        List<CaseRecord> own =
                cases.stream().filter(c -> c.classKey().equals(info.classKey())).toList();
        Metrics all = metrics(own, options);
        List<BoundCheck> checks = checks(info, own, all, options, mode, verdict);
        html.append("<section class=\"class\" id=\"class-").append(index).append("\">\n");
        html.append("<h3>").append(escape(info.classKey())).append("</h3>\n");
        if (!checks.isEmpty()) {
            verdict(html, checks);
        }
        html.append("<p class=\"meta\">prompt <code>")
                .append(escape(info.promptPath()))
                .append("</code> · sha256 <code>")
                .append(escape(abbreviate(info.promptSha256())))
                .append("</code>")
                .append(thresholds(info))
                .append("</p>\n");
        String level = String.format(Locale.ROOT, "%.0f%%", options.intervalLevel() * 100);
        html.append("<table class=\"metrics\">\n<thead><tr><th>cases</th><th>n</th><th>errored</th>"
                        + "<th>accuracy</th><th>")
                .append(level)
                .append(" interval</th><th>ECE</th><th>Brier</th><th>AUROC</th><th>mean confidence</th>"
                        + "<th>no confidence</th><th>format errors</th></tr></thead>\n<tbody>\n");
        row(html, "all", all);
        for (Split split : Split.values()) {
            List<CaseRecord> inSplit =
                    own.stream().filter(c -> c.split() == split).toList();
            row(html, split == Split.TUNE ? "tune split" : "held-out split", metrics(inSplit, options));
        }
        html.append("</tbody>\n</table>\n");
        if (!checks.isEmpty()) {
            thresholdTable(html, checks, mode);
        }
        html.append("<div class=\"charts\">\n");
        if (all.withConfidence() == 0) {
            html.append("<p class=\"empty\">No scored case stated a confidence, so there is no reliability diagram"
                    + " or confidence histogram.</p>\n");
        } else {
            figure(
                    html,
                    "reliability",
                    Charts.reliability(all.reliability(), "reliability-" + index),
                    "Reliability: bars are the accuracy of the cases in each confidence bin; the dashed diagonal is"
                            + " perfect calibration. Bars below it mean overconfidence.");
            figure(
                    html,
                    "histogram",
                    Charts.histogram(all.reliability(), "histogram-" + index),
                    "Stated confidence of " + all.withConfidence() + " scored cases, passed and failed.");
        }
        html.append("</div>\n");
        ToolSection.append(html, own, options);
        JudgeSection.append(html, index, own, options);
        html.append("</section>\n");
    }

    /**
     * Every threshold of {@code @Thresholds} with its verdict: the metric and tool-use bounds, as the run decided them
     * (or, for a report without verdicts, checked on the estimates), and {@code minKappa}, one bound per judged
     * criterion, checked as the engine's thresholds test checks it.
     */
    private static List<BoundCheck> checks(
            ClassInfo info,
            List<CaseRecord> own,
            Metrics all,
            MetricsOptions options,
            CheckMode mode,
            Optional<ClassVerdict> verdict) {
        List<BoundCheck> checks = new ArrayList<>();
        if (verdict.isPresent()) {
            // As the run decided them: the metric bounds, then the bounds on tool use.
            checks.addAll(verdict.get().thresholds().checks());
        } else {
            if (!info.thresholds().isEmpty()) {
                checks.addAll(info.thresholds().check(all, mode).checks());
            }
            checks.addAll(info.toolBounds()
                    .checks(ToolUse.metrics(own, options.intervalLevel()), Optional.empty(), OptionalDouble.empty()));
        }
        info.minKappa()
                .ifPresent(
                        min -> checks.addAll(JudgeAgreement.kappaChecks(JudgeSection.agreements(own, options), min)));
        return checks;
    }

    /** One line under the heading: whether every bound holds, in words and by colour. */
    private static void verdict(StringBuilder html, List<BoundCheck> checks) {
        long failed = checks.stream().filter(c -> !c.passed()).count();
        html.append("<p class=\"class-verdict ")
                .append(failed == 0 ? "pass" : "fail")
                .append("\">")
                .append(
                        failed == 0
                                ? "thresholds hold"
                                : "below its thresholds: " + failed + " of "
                                        + checks.size()
                                        + (checks.size() == 1 ? " bound fails" : " bounds fail"))
                .append("</p>\n");
    }

    /**
     * Each bound with the value it was measured at and its verdict; a failed bound also gets the gate's reason. Named
     * as the docs and the annotation name it.
     */
    private static void thresholdTable(StringBuilder html, List<BoundCheck> checks, CheckMode mode) {
        html.append("<table class=\"thresholds\">\n<caption>Thresholds, over all cases (")
                .append(escape(
                        mode == CheckMode.CONFIDENCE_BOUND
                                ? "confidence bound: the accuracy interval's lower end must reach the minimum"
                                : "point estimate"))
                .append(")</caption>\n<thead><tr><th>bound</th><th>measured</th><th>verdict</th><th>why</th>"
                        + "</tr></thead>\n<tbody>\n");
        for (BoundCheck check : checks) {
            String verdict = check.passed() ? "pass" : "fail";
            html.append("<tr class=\"")
                    .append(verdict)
                    .append("\"><th scope=\"row\">")
                    .append(escape(check.bound()))
                    .append("</th><td>")
                    .append(escape(check.measured()))
                    .append("</td><td class=\"verdict ")
                    .append(verdict)
                    .append("\">")
                    .append(verdict)
                    .append("</td><td class=\"text\">")
                    .append(check.passed() ? "" : escape(check.detail()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static Metrics metrics(List<CaseRecord> cases, MetricsOptions options) {
        return ClassMetrics.of(cases, options);
    }

    private static void row(StringBuilder html, String label, Metrics m) {
        html.append("<tr><th scope=\"row\">")
                .append(label)
                .append("</th><td>")
                .append(m.n())
                .append("</td><td>")
                .append(m.errored())
                .append("</td><td>")
                .append(Formats.percent(m.accuracy()))
                .append("</td><td>")
                .append(Formats.interval(m.accuracyCi()))
                .append("</td><td>")
                .append(Formats.decimal(m.ece()))
                .append("</td><td>")
                .append(Formats.decimal(m.brier()))
                .append("</td><td>")
                .append(Formats.decimal(m.auroc()))
                .append("</td><td>")
                .append(Formats.percent(m.meanConfidence()))
                .append("</td><td>")
                .append(m.missingConfidence())
                .append("</td><td>")
                .append(Formats.percent(m.formatErrorRate()))
                .append("</td></tr>\n");
    }

    private static String thresholds(ClassInfo info) {
        MetricBounds thresholds = info.thresholds();
        List<String> set = new ArrayList<>();
        bound(set, "accuracy ≥ ", thresholds.minAccuracy(), true);
        bound(set, "ECE ≤ ", thresholds.maxEce(), false);
        bound(set, "Brier ≤ ", thresholds.maxBrier(), false);
        bound(set, "error rate ≤ ", thresholds.maxErrorRate(), true);
        bound(set, "judge kappa ≥ ", info.minKappa(), false);
        return set.isEmpty() ? "" : " · thresholds " + String.join(", ", set);
    }

    private static void bound(List<String> set, String name, OptionalDouble value, boolean rate) {
        if (value.isPresent()) {
            set.add(name + (rate ? Formats.percent(value) : Formats.decimal(value)));
        }
    }

    private static String abbreviate(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    static void figure(StringBuilder html, String kind, String svg, String caption) {
        html.append("<figure class=\"chart ")
                .append(kind)
                .append("\">\n")
                .append(svg)
                .append("\n<figcaption>")
                .append(escape(caption))
                .append("</figcaption>\n</figure>\n");
    }
}
