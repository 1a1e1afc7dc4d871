package dev.rpt.tools.gate;

/**
 * How a metric moved from the baseline to the current run on the shared cases.
 *
 * @param baseline the baseline's value
 * @param current the current value
 * @param lower the lower end of the bootstrap interval of {@code current − baseline}
 * @param upper the upper end of that interval
 */
record Change(double baseline, double current, double lower, double upper) {

    double delta() {
        return current - baseline;
    }
}
