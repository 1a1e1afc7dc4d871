/**
 * The benchmark harness: runs the real {@code rpt} engine through the JUnit Platform launcher over generated cases,
 * against an in-process OpenAI-compatible server with a configurable latency, and prints medians. See {@code
 * docs/performance.md} for the command and the numbers.
 */
package dev.rpt.bench;
