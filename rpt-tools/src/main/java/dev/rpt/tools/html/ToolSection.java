package dev.rpt.tools.html;

import static dev.rpt.tools.html.Html.escape;

import dev.rpt.api.Step;
import dev.rpt.api.ToolCall;
import dev.rpt.api.ToolResult;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.ToolMetrics;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.ToolUse;
import java.util.List;
import java.util.Optional;

/**
 * A tool-calling class's tool use (selection, arguments and steps, each with its interval, as the console states
 * them), and a case's trajectory step by step for the failures table. Computed from the cases, as the run does.
 */
final class ToolSection {

    private static final int MAX_RESULT = 300;

    private ToolSection() {}

    static void append(StringBuilder html, List<CaseRecord> own, MetricsOptions options) {
        Optional<ToolMetrics> metrics = ToolUse.metrics(own, options.intervalLevel());
        metrics.ifPresent(m -> html.append("<h4>Tool use</h4>\n<p>")
                .append(escape(m.describe((int) Math.round(options.intervalLevel() * 100))))
                .append(". Selection and arguments are scored against each case's <code>expected-tools</code>"
                        + " column; steps count the model turns.</p>\n"));
    }

    /** The trajectory of a case of several steps, or with calls, as an ordered list; empty for a one-turn reply. */
    static String trajectory(CaseRecord c) {
        if (c.tools().isEmpty()) {
            return "";
        }
        List<Step> steps = c.tools().get().steps();
        if (steps.size() == 1 && steps.get(0).toolCalls().isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<ol class=\"trajectory\">");
        for (Step step : steps) {
            html.append("<li>");
            for (int i = 0; i < step.toolCalls().size(); i++) {
                ToolCall call = step.toolCalls().get(i);
                html.append("<code>")
                        .append(escape(call.name() + " " + call.arguments(), MAX_RESULT))
                        .append("</code> → ");
                if (i < step.results().size()) {
                    ToolResult result = step.results().get(i);
                    html.append(result.error() ? "<strong>error</strong> " : "")
                            .append("<code>")
                            .append(escape(result.content(), MAX_RESULT))
                            .append("</code>");
                } else {
                    html.append("<em>no result (step limit)</em>");
                }
                html.append("<br>");
            }
            if (!step.text().isBlank()) {
                html.append("“").append(escape(step.text(), MAX_RESULT)).append("”");
            }
            html.append("</li>");
        }
        return html.append("</ol>").toString();
    }
}
