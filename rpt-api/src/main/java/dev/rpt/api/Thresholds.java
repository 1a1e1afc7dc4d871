package dev.rpt.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * The bar a prompt must clear. The engine adds a final test per class, e.g. {@code [thresholds] accuracy ≥ 0.80, ECE
 * ≤ 0.10}, which fails with the measured values and their intervals. Unset bounds ({@code NaN}) are not checked.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface Thresholds {

    /** The minimum accuracy over scored cases, in [0, 1]. */
    double minAccuracy() default Double.NaN;

    /** The maximum expected calibration error, in [0, 1]. */
    double maxEce() default Double.NaN;

    /** The maximum Brier score, in [0, 1]. */
    double maxBrier() default Double.NaN;

    /** The maximum share of errored cases (transport, provider or parse errors), in [0, 1]. */
    double maxErrorRate() default Double.NaN;

    /**
     * The minimum Cohen's kappa of the judge against the human verdicts, for each {@link Criterion} whose cases carry
     * them (a case-file column named after the criterion's id), in [-1, 1]. A judge that drifts (a new judge model,
     * an edited judge prompt) then fails the build. With no human verdict at all, the bound fails and says so.
     */
    double minKappa() default Double.NaN;

    /**
     * The minimum share of judged answers that meet each {@link Criterion}, in [0, 1]. Where some cases carry human
     * verdicts, the judge's rate is corrected by its measured error on them (prediction-powered inference: the judge's
     * rate on the unlabelled answers plus the mean human-minus-judge difference on the labelled ones), so a lenient
     * judge cannot pass a class the people would not; without them it is the judge's own rate. In the confidence-bound
     * check mode the estimate's one-sided lower bound must reach the minimum.
     */
    double minMetRate() default Double.NaN;

    /**
     * The minimum share of answers that call exactly the expected tools, in [0, 1], over the cases whose {@code
     * expected-tools} column states them (a tool-calling prompt; see the manual's "Testing tool-calling prompts"). In
     * the confidence-bound check mode the one-sided Wilson lower bound must reach it.
     */
    double minToolSelection() default Double.NaN;

    /**
     * The minimum share of answers that pass the expected arguments, in [0, 1], over the cases whose {@code
     * expected-tools} column states arguments. In the confidence-bound check mode the one-sided Wilson lower bound
     * must reach it.
     */
    double minToolArguments() default Double.NaN;
}
