package dev.rpt.tools.html;

/** The report's inline style sheet; system font stacks only, so nothing is downloaded. */
final class Style {

    static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1200px;
                   padding: 0 24px 48px; color: #222; background: #fff; }
            h1 { margin: 16px 0 4px; } h2 { border-bottom: 2px solid #ddd; padding-bottom: 4px; margin-top: 32px; }
            code, pre { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
            .meta { color: #555; }
            .simulator { background: #b00020; color: #fff; font-size: 1.25em; padding: 14px 24px; margin: 0 -24px;
                         border-bottom: 6px solid #ffcc00; }
            .simulator code { color: #fff; }
            table { border-collapse: collapse; margin: 8px 0 16px; font-size: 0.92em; }
            th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
            thead th { background: #f3f3f3; }
            td.text { max-width: 420px; white-space: pre-wrap; word-break: break-word; }
            .charts { display: flex; flex-wrap: wrap; gap: 16px; }
            figure.chart { margin: 0; } figcaption { color: #555; font-size: 0.85em; max-width: 440px; }
            figure.trajectory figcaption { max-width: 900px; }
            tr.best { background: #eef7ee; } tr.errored td { color: #6a4b00; }
            .target { background: #fff3cd; border: 1px solid #e0c060; border-radius: 3px; padding: 0 4px; }
            .rationale { font-style: italic; color: #444; white-space: pre-wrap; }
            pre.diff { background: #f8f8f8; border: 1px solid #ddd; padding: 8px; overflow-x: auto;
                       white-space: pre-wrap; word-break: break-word; }
            pre.diff .add { background: #e6ffec; color: #116329; } pre.diff .del { background: #ffebe9; color: #82071e; }
            pre.diff .hunk { color: #0550ae; } pre.diff .file { color: #666; font-weight: bold; }
            table.thresholds caption { text-align: left; font-weight: bold; padding-bottom: 4px; }
            .verdict.pass, .class-verdict.pass { color: #116329; } .verdict.fail, .class-verdict.fail { color: #82071e; }
            td.verdict { font-weight: bold; } tr.fail { background: #ffebe9; }
            #verdict .fail { color: #82071e; } ul.findings li { margin: .2em 0; }
            .class-verdict { font-weight: bold; margin: 0 0 4px; } h3 .count { color: #555; font-weight: normal; }
            .more { color: #555; font-style: italic; }
            ol.trajectory { margin: 0 0 0.4em 1.2em; padding: 0; font-size: 0.9em; }
            .where { color: #777; font-size: 0.85em; } .empty { color: #777; font-style: italic; }
            footer { margin-top: 40px; color: #777; font-size: 0.85em; }
            """;

    private Style() {}
}
