package dev.rpt.tools.gate;

/**
 * How a metric moved from the baseline to the current run on the shared cases.
 *
 * @param baseline the baseline's value
 * @param current the current value
 * @param lower the lower end of the bootstrap interval of {@code current − baseline}
 * @param upper the upper end of that interval
 * @param resampled the bootstrap's changes, centred on the observed one: what a shifted null's bootstrap p-value counts
 */
record Change(double baseline, double current, double lower, double upper, double[] resampled) {

    @Override
    public boolean equals(Object other) {
        return other instanceof Change that
                && Double.compare(baseline, that.baseline) == 0
                && Double.compare(current, that.current) == 0
                && Double.compare(lower, that.lower) == 0
                && Double.compare(upper, that.upper) == 0
                && java.util.Arrays.equals(resampled, that.resampled);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(baseline, current, lower, upper, java.util.Arrays.hashCode(resampled));
    }

    @Override
    public String toString() {
        return "Change[baseline=" + baseline + ", current=" + current + ", lower=" + lower + ", upper=" + upper + "]";
    }

    /** The share of resampled changes no worse than {@code tolerance}: the bootstrap p-value of the shifted null. */
    double shiftedP(boolean higherIsBetter, double tolerance) {
        double[] worsenings = new double[resampled.length];
        for (int i = 0; i < resampled.length; i++) {
            worsenings[i] = higherIsBetter ? -resampled[i] : resampled[i];
        }
        return ShiftedNull.bootstrap(worsenings, tolerance);
    }

    double delta() {
        return current - baseline;
    }
}
