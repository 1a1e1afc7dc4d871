/**
 * The bar a prompt must clear in CI: {@link dev.rpt.core.thresholds.MetricBounds} and JaCoCo-style {@link
 * dev.rpt.tools.gate.Rule}s checked by {@link dev.rpt.tools.gate.RuleChecker}, and the regression test of a run
 * against a committed {@link dev.rpt.tools.gate.Baseline} ({@link dev.rpt.tools.gate.RegressionCheck}: McNemar's test
 * or the sign-flip test on pass rates for accuracy, the paired randomization test for ECE and Brier). Nothing here calls a model. See {@code docs/ci.md}.
 */
package dev.rpt.tools.gate;
