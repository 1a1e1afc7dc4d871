package dev.rpt.tools.html;

import static dev.rpt.tools.html.Html.escape;

import dev.rpt.api.Split;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.ClassInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cases that did not pass, grouped by class in the order of the report's classes. Within a class, most damaging
 * first: failed cases by descending confidence (a confident wrong answer hurts calibration most), then failed cases
 * without a confidence, then errored cases. At most {@code limit} are listed per class, so that a run of thousands of
 * cases still gives a readable page, and each class states how many more the run report holds.
 */
final class FailuresSection {

    /** Answers and messages longer than this are cut in the table; the run report has them in full. */
    static final int MAX_TEXT = 400;

    private static final Comparator<CaseRecord> MOST_DAMAGING_FIRST = Comparator.comparingInt((CaseRecord c) ->
                    c.verdict() == Verdict.ERRORED ? 2 : c.confidence().isPresent() ? 0 : 1)
            .thenComparing(c -> -c.confidence().orElse(0));

    private FailuresSection() {}

    /**
     * @param classes the report's classes, in report order; a class with failures but no entry here (which the run
     *     report's writer does not allow) follows them
     * @param cases every case of the run
     * @param limit the most cases listed per class
     */
    static void append(StringBuilder html, List<ClassInfo> classes, List<CaseRecord> cases, int limit) {
        Map<String, List<CaseRecord>> byClass = new LinkedHashMap<>();
        classes.forEach(info -> byClass.put(info.classKey(), new ArrayList<>()));
        int total = 0;
        for (CaseRecord c : cases) {
            if (c.verdict() != Verdict.PASSED) {
                byClass.computeIfAbsent(c.classKey(), name -> new ArrayList<>()).add(c);
                total++;
            }
        }
        html.append("<section id=\"failures\">\n<h2>Failures</h2>\n");
        if (total == 0) {
            html.append("<p>Every case passed.</p>\n</section>\n");
            return;
        }
        boolean capped = byClass.values().stream().anyMatch(failures -> failures.size() > limit);
        html.append("<p class=\"count\">")
                .append(capped ? "" : "All ")
                .append(total)
                .append(" failed or errored cases")
                .append(capped ? ", at most " + limit + " listed per class" : "")
                .append(".</p>\n");
        List<String> names = new ArrayList<>(byClass.keySet());
        for (int i = 0; i < names.size(); i++) {
            List<CaseRecord> failures = byClass.get(names.get(i));
            if (!failures.isEmpty()) {
                failures.sort(MOST_DAMAGING_FIRST);
                appendClass(html, names.get(i), i < classes.size() ? i + 1 : 0, failures, limit);
            }
        }
        html.append("</section>\n");
    }

    private static void appendClass(
            StringBuilder html, String className, int classIndex, List<CaseRecord> failures, int limit) {
        long errored =
                failures.stream().filter(c -> c.verdict() == Verdict.ERRORED).count();
        String name = escape(simpleName(className));
        html.append("<h3>")
                .append(classIndex > 0 ? "<a href=\"#class-" + classIndex + "\">" + name + "</a>" : name)
                .append(" <span class=\"count\">· ")
                .append(failures.size() - errored)
                .append(" failed, ")
                .append(errored)
                .append(" errored</span></h3>\n");
        int shown = Math.min(limit, failures.size());
        html.append("<table class=\"failures\">\n<thead><tr><th>case</th><th>split</th><th>outcome</th>"
                + "<th>answer</th><th>confidence</th><th>failure</th></tr></thead>\n<tbody>\n");
        for (CaseRecord c : failures.subList(0, shown)) {
            html.append("<tr class=\"")
                    .append(c.verdict().name().toLowerCase(Locale.ROOT))
                    .append("\"><td><code>")
                    .append(escape(c.id()))
                    .append("</code><br><span class=\"where\">")
                    .append(escape(simpleName(c.classKey()) + "#" + c.method()))
                    .append("</span></td><td>")
                    .append(c.split() == Split.TUNE ? "tune" : "held-out")
                    .append("</td><td>")
                    .append(c.verdict().name().toLowerCase(Locale.ROOT))
                    .append(c.formatError() ? " (format)" : "")
                    .append(c.mustPass() ? " <strong>(must pass)</strong>" : "")
                    .append("</td><td class=\"text\">")
                    .append(ToolSection.trajectory(c))
                    .append(c.answer().map(a -> escape(a, MAX_TEXT)).orElse("<em>no answer</em>"))
                    .append("</td><td>")
                    .append(Formats.percent(c.confidence()))
                    .append("</td><td class=\"text\">")
                    .append(reason(c))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (shown < failures.size()) {
            int more = failures.size() - shown;
            html.append("<p class=\"more\">The run report (<code>last-run.json</code>) holds ")
                    .append(more)
                    .append(more == 1 ? " more failed or errored case" : " more failed or errored cases")
                    .append(" of ")
                    .append(name)
                    .append(", less damaging than those listed")
                    .append(".</p>\n");
        }
    }

    private static String reason(CaseRecord c) {
        CaseRecord.Failure why = c.failure().or(c::error).orElse(new CaseRecord.Failure("", ""));
        return "<code>" + escape(why.kind()) + "</code> " + escape(why.message(), MAX_TEXT);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
