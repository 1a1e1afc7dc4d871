package dev.rpt.core.calibration;

import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Area under the ROC curve of confidence as a predictor of a right answer: the probability that a randomly chosen right
 * answer carries a higher confidence than a randomly chosen wrong one, a tie counting one half.
 */
final class Auroc {

    private Auroc() {}

    /**
     * The Mann-Whitney form: {@code (R - P(P+1)/2) / (P * N)}, where {@code R} is the sum of the average ranks of the
     * {@code P} right answers among all {@code P + N} confidences. Average ranks are what make a tie count one half.
     * Empty when there are no right or no wrong answers, because the area is then undefined rather than 0 or 1.
     */
    static OptionalDouble of(List<ScoredConfidence> scored) {
        long positives = scored.stream().filter(ScoredConfidence::correct).count();
        long negatives = scored.size() - positives;
        if (positives == 0 || negatives == 0) {
            return OptionalDouble.empty();
        }
        double[] confidences =
                scored.stream().mapToDouble(ScoredConfidence::confidence).toArray();
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(confidences);
        double positiveRankSum = 0.0;
        for (int i = 0; i < ranks.length; i++) {
            if (scored.get(i).correct()) {
                positiveRankSum += ranks[i];
            }
        }
        double u = positiveRankSum - positives * (positives + 1) / 2.0;
        return OptionalDouble.of(u / ((double) positives * negatives));
    }
}
