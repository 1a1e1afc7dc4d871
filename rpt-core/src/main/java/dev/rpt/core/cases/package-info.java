/**
 * Prompt-test cases: reading them from dataset files ({@code .jsonl}, {@code .csv}, {@code .yaml}) and inline
 * {@code name=value} strings, giving each a stable id, and splitting them into tuning and held-out cases. Bad rows
 * become {@link dev.rpt.core.cases.CaseProblem}s that name {@code file:line}; the good rows are still returned.
 */
package dev.rpt.core.cases;
