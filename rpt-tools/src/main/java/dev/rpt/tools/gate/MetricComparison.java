package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One metric of one class compared with the baseline on the shared cases, as one test of the build's family.
 *
 * <p>The test's null hypothesis is "worse by at most the tolerance" (a shifted null, as in non-inferiority testing):
 * {@code pValue} is the larger of the p-value of "no change" (an exact or randomization test) and that of the shifted
 * null, so a small sample keeps the exact test's protection and a true change within the tolerance fails at most at
 * the level. Every test of one {@code rpt:check} shares one error budget, {@code familyAlpha}: {@code adjustedP} is
 * Holm's adjustment over the {@code family} tests of the build (every class and model that counts, every metric, every
 * judged criterion), and the metric regresses when it is at most {@code familyAlpha}.
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
 * @param pValue the one-sided p-value of "worse by more than the tolerance", before the family's adjustment
 * @param test how the p-value was computed, e.g. {@code McNemar exact binomial (worse 10, better 2)}
 * @param tolerance the tolerated worsening
 * @param alpha the level of the interval's each side: the family's level split over its tests (Bonferroni), so the
 *     intervals of one build hold together
 * @param adjustedP Holm's adjusted p-value over the family; {@code NaN} before the family is known
 * @param family how many tests share the build's error budget
 * @param familyAlpha the build's error budget ({@code rpt.check.alpha})
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
        double alpha,
        double adjustedP,
        int family,
        double familyAlpha) {

    public MetricComparison {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(test, "test");
    }

    /** This comparison as one of a family of {@code family} tests, with its Holm-adjusted p-value. */
    MetricComparison inFamily(double adjusted, int size, double level) {
        return new MetricComparison(
                className, counter, criterion, cases, baseline, current, lower, upper, pValue, test, tolerance, alpha,
                adjusted, size, level);
    }

    /** How much worse the current run is: positive is worse, whichever direction the metric improves in. */
    public double worsening() {
        return counter.higherIsBetter() ? baseline - current : current - baseline;
    }

    /** Whether the estimated change is worse than the tolerance. */
    public boolean beyondTolerance() {
        return worsening() > tolerance;
    }

    /** Whether the data show, within the build's error budget, a worsening beyond the tolerance. */
    public boolean significant() {
        return adjustedP <= familyAlpha;
    }

    /** A regression: the build's family-wise test rejects "worse by at most the tolerance". */
    public boolean regressed() {
        return beyondTolerance() && significant();
    }

    /** What is compared, e.g. {@code accuracy} or {@code judge agreement on 'apologises'}. */
    public String label() {
        return criterion.map(id -> "judge agreement on '" + id + "'").orElse(counter.label());
    }

    /** The line a report shows: values, interval, the test, its p-values and level and, for a regression, the fix. */
    public String message() {
        String verdict = regressed()
                ? "REGRESSED"
                : beyondTolerance()
                        ? "worse than the tolerance, but not beyond it at the build's level"
                        : worsening() > 0 ? "ok, within the tolerance" : "ok";
        String line = String.format(
                Locale.ROOT,
                "%s: %s %s: baseline %.3f, current %.3f (change %+.3f, %.1f%% interval [%+.3f, %+.3f]) on %d shared"
                        + " cases; %s, one-sided p %s that it is worse by more than the tolerance %.3f; Holm-adjusted p"
                        + " %s over the build's %d %s (family-wise alpha %.3f)",
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
                p(pValue),
                tolerance,
                p(adjustedP),
                family,
                family == 1 ? "test" : "tests",
                familyAlpha);
        if (!regressed()) {
            return line;
        }
        return criterion.isPresent()
                ? line + ". The judge disagrees with the human verdicts more than it did on the same answers: check"
                        + " what changed in rpt.judge.model and rpt.judge.prompt, or accept with `mvn rpt:baseline`."
                : line + ". Run `mvn rpt:tune`, or accept with `mvn rpt:baseline`.";
    }

    private static String p(double value) {
        return Double.isNaN(value)
                ? "not adjusted yet"
                : value < 1e-4 ? "< 0.0001" : String.format(Locale.ROOT, "= %.4f", value);
    }
}
