/**
 * The self-contained HTML report: one file, {@code target/rpt/report.html}, that shows a run's metrics, threshold
 * verdicts, reliability diagrams and failures and, when given a tune record, the tune's trajectory, failure modes and
 * prompt diffs. It loads nothing over the network when opened: styles are inline and the charts are inline SVG drawn
 * by JFreeChart. Every piece of model or user text is HTML-escaped. The entry point is {@link
 * dev.rpt.tools.html.HtmlReport}.
 */
package dev.rpt.tools.html;
