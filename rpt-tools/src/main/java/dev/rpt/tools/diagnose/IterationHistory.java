package dev.rpt.tools.diagnose;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The evaluations of a tuning run so far, and what the report derives from them: deltas, the best iteration, the
 * non-improving streak and the outcome of each patch. Immutable: {@link #with} returns a new history.
 *
 * <p>The best iteration has the highest score {@code accuracy − 0.05 × Brier} on the tune split (see {@link
 * IterationRecord#score()}); on a tie the earlier one stays best. An iteration improves when its score beats the best
 * score before it by more than {@value #EPSILON}.
 */
@API(status = INTERNAL, since = "0.1")
public final class IterationHistory {

    /** The weight of the Brier score in the selection score. */
    public static final double BRIER_WEIGHT = 0.05;

    static final double EPSILON = 1e-9;

    private static final IterationHistory EMPTY = new IterationHistory(List.of());

    private final List<IterationRecord> records;

    private IterationHistory(List<IterationRecord> records) {
        this.records = records;
    }

    /** A history without iterations. */
    public static IterationHistory empty() {
        return EMPTY;
    }

    /**
     * This history with one more iteration.
     *
     * @throws IllegalArgumentException when the iteration number is not greater than the last one's
     */
    public IterationHistory with(IterationRecord record) {
        latest().ifPresent(last -> {
            if (record.iteration() <= last.iteration()) {
                throw new IllegalArgumentException("iteration " + record.iteration() + " cannot follow iteration "
                        + last.iteration() + "; record iterations in increasing order");
            }
        });
        List<IterationRecord> next = new ArrayList<>(records);
        next.add(record);
        return new IterationHistory(List.copyOf(next));
    }

    /** The iterations, oldest first. */
    public List<IterationRecord> iterations() {
        return records;
    }

    /** The last iteration, if any. */
    public Optional<IterationRecord> latest() {
        return records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1));
    }

    /** The iteration with the highest score, the earliest on a tie; empty when there is none. */
    public Optional<IterationRecord> best() {
        IterationRecord best = null;
        for (IterationRecord record : records) {
            if (best == null || record.score() > best.score() + EPSILON) {
                best = record;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The latest metrics minus the previous iteration's; empty before the second iteration. */
    public Optional<MetricDeltas> vsPrevious() {
        if (records.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(MetricDeltas.between(
                records.get(records.size() - 1).metrics(),
                records.get(records.size() - 2).metrics()));
    }

    /** The latest metrics minus the best iteration's (all zero when the latest is best); empty before the second. */
    public Optional<MetricDeltas> vsBest() {
        if (records.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(MetricDeltas.between(
                latest().orElseThrow().metrics(), best().orElseThrow().metrics()));
    }

    /** How many of the latest iterations in a row did not improve on the best score before them. */
    public int nonImprovingStreak() {
        int streak = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (IterationRecord record : records) {
            if (record.score() > bestScore + EPSILON) {
                bestScore = record.score();
                streak = 0;
            } else {
                streak++;
            }
        }
        return streak;
    }

    /**
     * For each iteration after the first, the patch that produced it: the iteration it answered, its targets, and
     * whether each target's count fell. Targets match mode labels after normalization (case, spaces, final
     * punctuation); a label that is no mode of an iteration counts 0 there, so a target naming no earlier mode never
     * shrank, and a mode that disappeared did.
     */
    public List<PatchOutcome> patchHistory() {
        List<PatchOutcome> outcomes = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            IterationRecord before = records.get(i - 1);
            IterationRecord after = records.get(i);
            Map<String, Boolean> shrank = new LinkedHashMap<>();
            for (String target : after.targets()) {
                shrank.put(target, count(after, target) < count(before, target));
            }
            outcomes.add(new PatchOutcome(before.iteration(), after.targets(), shrank));
        }
        return outcomes;
    }

    private static int count(IterationRecord record, String label) {
        String key = Labels.key(label);
        return record.modes().stream()
                .filter(mode -> Labels.key(mode.label()).equals(key))
                .mapToInt(FailureMode::count)
                .sum();
    }
}
