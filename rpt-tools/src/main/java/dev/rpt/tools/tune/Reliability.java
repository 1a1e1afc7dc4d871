package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.calibration.Verdict;
import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * How reliably a prompt answers the cases of one split when each case is sampled several times. Only scored samples
 * count: an errored sample says nothing about the prompt, and a case with no scored sample is left out.
 *
 * @param cases the cases with at least one scored sample
 * @param passedEvery the cases whose every scored sample passed (pass^k)
 * @param passRateSum the sum over the cases of each one's pass rate, so that {@link #passRate()} is their mean
 * @param unstable the cases that passed in some samples and failed in others
 */
@API(status = INTERNAL, since = "0.2")
public record Reliability(int cases, int passedEvery, double passRateSum, int unstable) {

    /** No case. */
    public static final Reliability NONE = new Reliability(0, 0, 0, 0);

    public Reliability {
        if (cases < 0 || passedEvery < 0 || unstable < 0 || passedEvery + unstable > cases) {
            throw new IllegalArgumentException("inconsistent counts: " + cases + " cases, " + passedEvery
                    + " passing every sample, " + unstable + " unstable");
        }
    }

    /** The reliability of cases given as each case's samples. */
    public static Reliability of(Collection<List<CaseOutcome>> samplesByCase) {
        int cases = 0;
        int passedEvery = 0;
        int unstable = 0;
        double rates = 0;
        for (List<CaseOutcome> samples : samplesByCase) {
            long scored = samples.stream().filter(CaseOutcome::scored).count();
            if (scored == 0) {
                continue;
            }
            long passed = samples.stream()
                    .filter(sample -> sample.verdict() == Verdict.PASSED)
                    .count();
            cases++;
            rates += (double) passed / scored;
            if (passed == scored) {
                passedEvery++;
            } else if (passed > 0) {
                unstable++;
            }
        }
        return new Reliability(cases, passedEvery, rates, unstable);
    }

    /**
     * The reliability of single-sample cases known only by their metrics, e.g. in tests: every case is stable, and
     * both rates are the accuracy.
     */
    public static Reliability ofSingleSamples(Metrics metrics) {
        int n = metrics.n();
        int passed = (int) Math.round(metrics.accuracy().orElse(0) * n);
        return new Reliability(n, passed, passed, 0);
    }

    /** The mean over the cases of each case's pass rate; empty without cases. */
    public OptionalDouble passRate() {
        return cases == 0 ? OptionalDouble.empty() : OptionalDouble.of(passRateSum / cases);
    }

    /** The share of cases whose every sample passed (pass^k); empty without cases. */
    public OptionalDouble passAll() {
        return cases == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) passedEvery / cases);
    }
}
