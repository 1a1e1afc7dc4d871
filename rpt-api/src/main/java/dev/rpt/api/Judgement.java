package dev.rpt.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A judge model's verdict on one criterion for one answer.
 *
 * @param criterion the criterion's id
 * @param text the criterion as the judge read it, with the case's variables filled in
 * @param probability the judge's probability that the criterion is met, in [0, 1]
 * @param threshold the probability from which the criterion counts as met ({@code rpt.judge.threshold})
 * @param reason the judge's short reason
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record Judgement(String criterion, String text, double probability, double threshold, String reason) {

    public Judgement {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reason, "reason");
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
        }
    }

    /**
     * Whether the criterion is met: the probability reaches the threshold. A probability exactly at the threshold is
     * met, so a straddling score has one defined outcome.
     */
    public boolean met() {
        return probability >= threshold;
    }
}
