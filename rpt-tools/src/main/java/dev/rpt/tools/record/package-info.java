/**
 * The tune record under {@code target/rpt/tune/<id>/}: its layout ({@link dev.rpt.tools.record.RecordLayout}, the one
 * place that knows it), the JSON files in it as records bound by Jackson ({@link
 * dev.rpt.tools.record.SummaryJson}, {@link dev.rpt.tools.record.DecisionJson}, {@link
 * dev.rpt.tools.record.TranscriptLine}; the diagnostic report's is {@link
 * dev.rpt.tools.diagnose.DiagnosticReportJson}), and reading a finished record back ({@link
 * dev.rpt.tools.record.TuneRecord}). The tuner writes records, {@code rpt.tune.resume} and the HTML report read them.
 */
package dev.rpt.tools.record;
