package dev.rpt.sim;

/**
 * The confidence the simulated target states. Without a calibration instruction it is overconfident whatever the
 * outcome, as chat models tend to be; with one it tracks the probability of being right, so calibration errors such
 * as ECE drop. Numbers are documented in {@code docs/simulator.md}.
 */
final class Confidence {

    static final double OVERCONFIDENT_LOW = 0.93;
    static final double OVERCONFIDENT_SPAN = 0.06;
    static final double CALIBRATED_NOISE = 0.05;
    static final double UNKNOWN = 0.05;
    static final double MIN = 0.01;
    static final double MAX = 0.99;

    private Confidence() {}

    /** The stated confidence for a question answered with probability {@code p} of being right. */
    static double stated(double p, PromptTraits traits, Draws draws) {
        double u = draws.uniform("confidence");
        double raw =
                traits.calibrate() ? p + CALIBRATED_NOISE * (2 * u - 1) : OVERCONFIDENT_LOW + OVERCONFIDENT_SPAN * u;
        return round(Math.max(MIN, Math.min(MAX, raw)));
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
