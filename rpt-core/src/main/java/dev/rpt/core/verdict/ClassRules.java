package dev.rpt.core.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.thresholds.MetricBounds;
import org.apiguardian.api.API;

/**
 * Which samples a class tolerates. A class with {@code @Thresholds} is <b>statistical</b>: it is judged by its
 * thresholds, so a wrong answer alone is no problem. Two things still are: a <b>must-pass</b> case that failed any
 * sample, and an <b>errored</b> case, unless the class sets {@code maxErrorRate} (then the error rate is a threshold
 * like the others, and only a must-pass case must not error): a run whose server died after 200 of 300 cases must not
 * pass on the 200. A class without thresholds is <b>strict</b>: every case must pass.
 *
 * @param statistical whether the class is judged by its thresholds as a whole
 * @param errorsAllowed whether it bounds its error rate ({@code @Thresholds(maxErrorRate)}) instead of failing on any
 *     error
 */
@API(status = INTERNAL, since = "0.3")
public record ClassRules(boolean statistical, boolean errorsAllowed) {

    /** The rules of a class with these thresholds. */
    public static ClassRules of(MetricBounds thresholds) {
        return new ClassRules(!thresholds.isEmpty(), thresholds.maxErrorRate().isPresent());
    }

    /** Whether a sample with this verdict leaves the class's verdict to its thresholds. */
    public boolean tolerates(boolean mustPass, Verdict verdict) {
        if (verdict == Verdict.PASSED) {
            return true;
        }
        if (!statistical || mustPass) {
            return false;
        }
        return verdict == Verdict.FAILED || errorsAllowed;
    }
}
