package dev.rpt.core.report.html;

import static dev.rpt.core.report.html.Html.escape;

import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.cases.Split;
import dev.rpt.core.report.CaseRecord;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The cases that did not pass, most damaging first: failed cases by descending confidence (a confident wrong answer
 * hurts calibration most), then failed cases without a confidence, then errored cases. At most {@code limit} are
 * listed, and the total is stated.
 */
final class FailuresSection {

    /** Answers and messages longer than this are cut in the table; the run report has them in full. */
    static final int MAX_TEXT = 400;

    private static final Comparator<CaseRecord> MOST_DAMAGING_FIRST = Comparator.comparingInt((CaseRecord c) ->
                    c.verdict() == Verdict.ERRORED ? 2 : c.confidence().isPresent() ? 0 : 1)
            .thenComparing(c -> -c.confidence().orElse(0));

    private FailuresSection() {}

    static void append(StringBuilder html, List<CaseRecord> cases, int limit) {
        List<CaseRecord> failures = cases.stream()
                .filter(c -> c.verdict() != Verdict.PASSED)
                .sorted(MOST_DAMAGING_FIRST)
                .toList();
        html.append("<section id=\"failures\">\n<h2>Failures</h2>\n");
        if (failures.isEmpty()) {
            html.append("<p>Every case passed.</p>\n</section>\n");
            return;
        }
        int shown = Math.min(limit, failures.size());
        html.append("<p class=\"count\">")
                .append(shown == failures.size() ? "All " : "The first " + shown + " of ")
                .append(failures.size())
                .append(" failed or errored cases")
                .append(shown == failures.size() ? "" : "; the run report lists every one")
                .append(".</p>\n");
        html.append("<table class=\"failures\">\n<thead><tr><th>case</th><th>split</th><th>outcome</th>"
                + "<th>answer</th><th>confidence</th><th>failure</th></tr></thead>\n<tbody>\n");
        for (CaseRecord c : failures.subList(0, shown)) {
            html.append("<tr class=\"")
                    .append(c.verdict().name().toLowerCase(Locale.ROOT))
                    .append("\"><td><code>")
                    .append(escape(c.id()))
                    .append("</code><br><span class=\"where\">")
                    .append(escape(simpleName(c.className()) + "#" + c.method()))
                    .append("</span></td><td>")
                    .append(c.split() == Split.TUNE ? "tune" : "held-out")
                    .append("</td><td>")
                    .append(c.verdict().name().toLowerCase(Locale.ROOT))
                    .append(c.formatError() ? " (format)" : "")
                    .append("</td><td class=\"text\">")
                    .append(c.answer().map(a -> escape(a, MAX_TEXT)).orElse("<em>no answer</em>"))
                    .append("</td><td>")
                    .append(Formats.percent(c.confidence()))
                    .append("</td><td class=\"text\">")
                    .append(reason(c))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static String reason(CaseRecord c) {
        CaseRecord.Failure why = c.failure().or(c::error).orElse(new CaseRecord.Failure("", ""));
        return "<code>" + escape(why.kind()) + "</code> " + escape(why.message(), MAX_TEXT);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
