package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.calibration.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * What a tune maximises ({@code rpt.tune.objective}), always minus the Brier weight times the Brier score. The two
 * repeat objectives sample every case several times, because a prompt that is right on average can still be wrong
 * for one user in three: {@link #PASS_RATE} rewards raising each case's chance of passing, {@link #PASS_K} only
 * counts a case once every sample passes.
 */
@API(status = INTERNAL, since = "0.2")
public enum TuneObjective {
    /** The share of scored answers that pass; one sample per case unless {@code rpt.repeat} asks for more. */
    ACCURACY("accuracy"),
    /** Each case's pass rate over its samples, averaged over the cases. */
    PASS_RATE("pass-rate"),
    /** The share of cases whose every sample passes. */
    PASS_K("pass^k");

    private final String key;

    TuneObjective(String key) {
        this.key = key;
    }

    /** The value of {@code rpt.tune.objective} that selects it. */
    public String key() {
        return key;
    }

    /** Whether the objective samples every case several times. */
    public boolean repeats() {
        return this != ACCURACY;
    }

    /** The objective's name for a given sample count, e.g. {@code pass^5}. */
    public String label(int samples) {
        return this == PASS_K ? "pass^" + samples : key;
    }

    /** The objective selected by a value of {@code rpt.tune.objective}, if any. */
    public static Optional<TuneObjective> byKey(String value) {
        for (TuneObjective objective : values()) {
            if (objective.key.equals(value)) {
                return Optional.of(objective);
            }
        }
        return Optional.empty();
    }

    /** The objective's value on a split; empty when no case was scored. */
    public OptionalDouble value(Metrics metrics, Reliability reliability) {
        return switch (this) {
            case ACCURACY -> metrics.accuracy();
            case PASS_RATE -> reliability.passRate();
            case PASS_K -> reliability.passAll();
        };
    }

    /** The score candidates are ranked by: the objective's value − w·Brier, a missing value counting as 0 and 1. */
    public double score(Metrics metrics, Reliability reliability, double brierWeight) {
        return value(metrics, reliability).orElse(0)
                - brierWeight * metrics.brier().orElse(1);
    }

    /**
     * One case's samples as the adoption test compares them. Under {@link #PASS_K} they become one outcome that
     * passed only when every scored sample passed, so that the paired test counts cases that became reliable
     * (McNemar); the other objectives keep every sample, compared by their pass rates.
     */
    public List<CaseOutcome> forComparison(List<CaseOutcome> samples) {
        if (this != PASS_K) {
            return samples;
        }
        List<CaseOutcome> scored = samples.stream().filter(CaseOutcome::scored).toList();
        if (scored.isEmpty()) {
            return samples;
        }
        boolean every = scored.stream().allMatch(sample -> sample.verdict() == Verdict.PASSED);
        return List.of(new CaseOutcome(every ? Verdict.PASSED : Verdict.FAILED, OptionalDouble.empty(), false));
    }
}
