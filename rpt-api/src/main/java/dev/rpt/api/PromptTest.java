package dev.rpt.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a prompt test class: the {@code rpt} engine renders the prompt for every case of its {@link Cases} and
 * {@link Case} methods, asks the configured model, and passes the {@link dev.rpt.api.Answer} to the method.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface PromptTest {

    /** The prompt resource on the classpath, e.g. {@code prompts/math-solver.prompt}. */
    String prompt();

    /** Where each case's confidence comes from. */
    ConfidenceMode confidence() default ConfidenceMode.VERBALIZED;

    /** The number of samples per case for {@link ConfidenceMode#CONSISTENCY}; ignored otherwise. */
    int samples() default 5;

    /**
     * The share of cases held out from the optimizer when a class declares only one split; negative means the
     * configured {@code rpt.holdout.fraction}.
     */
    double holdoutFraction() default -1;
}
