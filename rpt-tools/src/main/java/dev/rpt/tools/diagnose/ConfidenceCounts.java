package dev.rpt.tools.diagnose;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.MetricsOptions;
import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * The calibration failures the optimizer should see as counts: wrong answers given with high confidence and right
 * answers given with low confidence.
 *
 * @param overconfidentWrong failed cases with confidence at least {@link #OVERCONFIDENT} (0.8)
 * @param underconfidentRight passed cases with confidence at most {@link #UNDERCONFIDENT} (0.2)
 */
@API(status = INTERNAL, since = "0.1")
public record ConfidenceCounts(int overconfidentWrong, int underconfidentRight) {

    // The same thresholds as the metrics' over/underconfidence rates, so that the counts and the rates agree.

    /** The confidence from which a wrong answer counts as overconfident: 0.8. */
    public static final double OVERCONFIDENT = MetricsOptions.DEFAULTS.overconfidenceThreshold();

    /** The confidence up to which a right answer counts as underconfident: 0.2. */
    public static final double UNDERCONFIDENT = MetricsOptions.DEFAULTS.underconfidenceThreshold();

    public ConfidenceCounts {
        if (overconfidentWrong < 0 || underconfidentRight < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /**
     * The counts of an evaluation.
     *
     * @param failures the failed cases
     * @param passedConfidences the confidences of the passed cases, empty where the model stated none
     */
    public static ConfidenceCounts of(List<FailedCase> failures, Collection<OptionalDouble> passedConfidences) {
        int over = (int) failures.stream()
                .filter(f -> f.confidence().isPresent() && f.confidence().getAsDouble() >= OVERCONFIDENT)
                .count();
        int under = (int) passedConfidences.stream()
                .filter(c -> c.isPresent() && c.getAsDouble() <= UNDERCONFIDENT)
                .count();
        return new ConfidenceCounts(over, under);
    }
}
