/**
 * Bounds on a class's metrics and how they are checked: {@link dev.rpt.core.thresholds.MetricBounds} (from a class's
 * {@code @Thresholds}), the verdict of each bound ({@link dev.rpt.core.thresholds.ThresholdResult}, {@link
 * dev.rpt.core.thresholds.BoundCheck}) and the {@link dev.rpt.core.thresholds.CheckMode}. The run report states a
 * class's thresholds, and the gate, the engine, the diagnosis and the HTML report check them; this package depends
 * on the metrics alone, so that none of them depends on another through it.
 */
package dev.rpt.core.thresholds;
