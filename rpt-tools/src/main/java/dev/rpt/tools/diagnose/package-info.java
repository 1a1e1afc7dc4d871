/**
 * The failure analysis behind the tuner's diagnostic function: names the recurring failure modes of one evaluation
 * and builds the compact diagnostic report the optimizer reads.
 *
 * <p>{@link dev.rpt.tools.diagnose.CriticAnalyzer} asks a critic model about each failed case (capped, stratified by
 * failure kind) and groups the critique labels into modes; {@link dev.rpt.tools.diagnose.DeterministicAnalyzer} groups
 * failures by assertion kind and message pattern without any model. {@link dev.rpt.tools.diagnose.IterationHistory}
 * tracks metrics and modes across iterations, and {@link dev.rpt.tools.diagnose.DiagnosticReportJson} writes the
 * report in the shape documented in {@code docs/diagnostic-report.md}. Held-out cases must never be passed in.
 */
package dev.rpt.tools.diagnose;
