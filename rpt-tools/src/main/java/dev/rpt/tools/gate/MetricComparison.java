package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One metric of one class compared with the baseline on the shared cases.
 *
 * @param className the class
 * @param counter {@link Counter#ACCURACY}, {@link Counter#ECE} or {@link Counter#BRIER}
 * @param criterion for the judge's agreement with human verdicts on one criterion (compared as an {@link
 *     Counter#ACCURACY accuracy}: the share of answers on which the judge and the person agree), the criterion's id;
 *     empty for the prompt's own metrics
 * @param cases the shared cases the comparison rests on
 * @param baseline the baseline's value on them
 * @param current the current value on them
 * @param lower the lower end of the {@code 1 − 2α} paired-bootstrap interval of {@code current − baseline}
 * @param upper its upper end
 * @param pValue the one-sided p-value of "worse"
 * @param test how the p-value was computed, e.g. {@code McNemar exact binomial (worse 10, better 2)}
 * @param tolerance the tolerated worsening
 * @param alpha the significance level
 */
@API(status = INTERNAL, since = "0.1")
public record MetricComparison(
        String className,
        Counter counter,
        Optional<String> criterion,
        int cases,
        double baseline,
        double current,
        double lower,
        double upper,
        double pValue,
        String test,
        double tolerance,
        double alpha) {

    public MetricComparison {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(test, "test");
    }

    /** How much worse the current run is: positive is worse, whichever direction the metric improves in. */
    public double worsening() {
        return counter.higherIsBetter() ? baseline - current : current - baseline;
    }

    /** Whether the change is worse than the tolerance. */
    public boolean beyondTolerance() {
        return worsening() > tolerance;
    }

    /** Whether the worsening is significant at alpha. */
    public boolean significant() {
        return pValue < alpha;
    }

    /** A regression: beyond the tolerance and significant. */
    public boolean regressed() {
        return beyondTolerance() && significant();
    }

    /** What is compared, e.g. {@code accuracy} or {@code judge agreement on 'apologises'}. */
    public String label() {
        return criterion.map(id -> "judge agreement on '" + id + "'").orElse(counter.label());
    }

    /** The line a report shows: values, interval, p-value and, for a regression, the fix. */
    public String message() {
        String verdict = regressed()
                ? "REGRESSED"
                : beyondTolerance()
                        ? "worse than the tolerance but not significant"
                        : significant() ? "significantly worse but within the tolerance" : "ok";
        String line = String.format(
                Locale.ROOT,
                "%s: %s %s: baseline %.3f, current %.3f (change %+.3f, %.1f%% interval [%+.3f, %+.3f]) on %d shared"
                        + " cases; %s one-sided p %s (alpha %.4f per test), tolerance %.3f",
                className,
                label(),
                verdict,
                baseline,
                current,
                current - baseline,
                100 * (1 - 2 * alpha),
                lower,
                upper,
                cases,
                test,
                pValue < 1e-4 ? "< 0.0001" : String.format(Locale.ROOT, "= %.4f", pValue),
                alpha,
                tolerance);
        if (!regressed()) {
            return line;
        }
        return criterion.isPresent()
                ? line + ". The judge disagrees with the human verdicts more than it did on the same answers: check"
                        + " what changed in rpt.judge.model and rpt.judge.prompt, or accept with `mvn rpt:baseline`."
                : line + ". Run `mvn rpt:tune`, or accept with `mvn rpt:baseline`.";
    }
}
