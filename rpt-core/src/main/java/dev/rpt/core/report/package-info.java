/**
 * The run report: the JSON contract between a prompt-test run and its readers (the tuner, the CI gate, the HTML
 * report). It is written as a stream, so a run of any size needs memory for its metrics only, not its traces. The
 * format is documented in {@code docs/report-format.md} and validated by a JSON Schema in tests.
 */
package dev.rpt.core.report;
