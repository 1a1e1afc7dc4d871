package dev.rpt.tools.gate;

import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.judge.JudgeAgreement;
import dev.rpt.core.report.CaseKey;
import dev.rpt.core.report.CaseRecord;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;

/**
 * The judge of one class compared with itself: per criterion, the cases whose answer a person labelled and the judge
 * graded in both the baseline and the run. Only answers that are the same text on both sides are paired, so a change
 * in agreement is the judge's (a new judge model, an edited judge prompt) and not the target's: when the prompt under
 * test changes, its answers change and their verdicts say nothing about the judge.
 *
 * @param criterion the criterion's id
 * @param pairs per case, whether the judge agreed with the person then and now (as passed or failed outcomes)
 * @param worse cases on which the judge agreed then and disagrees now
 * @param better the reverse
 * @param changedAnswers labelled cases left out because their answer changed since the baseline
 * @param kappaThen Cohen's kappa of the baseline's verdicts on the paired cases
 * @param kappaNow Cohen's kappa of the run's verdicts on them
 * @param verdicts per paired case, {judge then, judge now, human}: what kappa's paired bootstrap resamples
 */
record JudgeDrift(
        String criterion,
        List<Pair> pairs,
        int worse,
        int better,
        int changedAnswers,
        OptionalDouble kappaThen,
        OptionalDouble kappaNow,
        List<boolean[]> verdicts) {

    /**
     * The drift of every criterion that has a human verdict on some case, in the order the criteria first appear.
     *
     * @param baseline the class's baseline cases
     * @param run the class's case records in the run
     */
    static List<JudgeDrift> of(Map<CaseKey, BaselineCase> baseline, SortedMap<CaseKey, List<CaseRecord>> run) {
        Map<String, Builder> builders = new LinkedHashMap<>();
        run.forEach((key, records) -> {
            BaselineCase then = baseline.get(key);
            Optional<CaseRecord> first =
                    records.stream().filter(r -> r.verdict() != Verdict.ERRORED).findFirst();
            if (then == null || then.judged().isEmpty() || first.isEmpty()) {
                return;
            }
            JudgedAnswer before = then.judged().get();
            Optional<JudgedAnswer> after = JudgedAnswer.of(first.get());
            if (after.isEmpty()) {
                return;
            }
            for (JudgedAnswer.CriterionVerdict now : after.get().verdicts()) {
                Optional<Boolean> human = JudgeAgreement.humanVerdict(
                        first.get().vars(),
                        first.get().labels(),
                        now.criterion(),
                        first.get().answer().orElse(""));
                Optional<JudgedAnswer.CriterionVerdict> past = before.verdict(now.criterion());
                if (human.isEmpty() || past.isEmpty()) {
                    continue;
                }
                Builder builder = builders.computeIfAbsent(now.criterion(), Builder::new);
                if (before.sameAnswer(after.get())) {
                    builder.add(past.get().met(), now.met(), human.get());
                } else {
                    builder.changedAnswers++;
                }
            }
        });
        return builders.values().stream().map(Builder::build).toList();
    }

    /**
     * The note a reader needs besides the agreement line: kappa on both sides with the paired-bootstrap interval of its
     * change, and the answers left out.
     *
     * @param kappaChange kappa's change, resampled over the paired cases; empty where kappa is undefined
     * @param intervalAlpha each end's share outside the interval
     */
    String note(Optional<Change> kappaChange, double intervalAlpha) {
        StringBuilder note = new StringBuilder("judge on '" + criterion + "': ");
        if (pairs.isEmpty()) {
            note.append("no labelled answer is the same as in the baseline, so the judge is not compared");
        } else {
            note.append(String.format(
                    Locale.ROOT,
                    "Cohen's kappa %s in the baseline, %s now, on the %d labelled answers it graded both times",
                    kappa(kappaThen),
                    kappa(kappaNow),
                    pairs.size()));
            kappaChange.ifPresent(change -> note.append(String.format(
                    Locale.ROOT,
                    " (change %+.3f, %s%% paired-bootstrap interval %+.3f to %+.3f)",
                    change.delta(),
                    new BigDecimal(100 * (1 - 2 * intervalAlpha))
                            .round(new MathContext(4))
                            .stripTrailingZeros()
                            .toPlainString(),
                    change.lower(),
                    change.upper())));
        }
        if (changedAnswers > 0) {
            note.append("; ")
                    .append(changedAnswers)
                    .append(changedAnswers == 1 ? " labelled case is" : " labelled cases are")
                    .append(" left out because the answer changed since the baseline (its verdict grades another"
                            + " answer)");
        }
        return note.append('.').toString();
    }

    private static String kappa(OptionalDouble kappa) {
        return kappa.isPresent() ? String.format(Locale.ROOT, "%.3f", kappa.getAsDouble()) : "undefined";
    }

    private static final class Builder {

        private final String criterion;
        private final List<Pair> pairs = new ArrayList<>();
        private final List<boolean[]> verdicts = new ArrayList<>();
        private final int[] then = new int[4];
        private final int[] now = new int[4];
        private int worse;
        private int better;
        private int changedAnswers;

        Builder(String criterion) {
            this.criterion = criterion;
        }

        void add(boolean metThen, boolean metNow, boolean human) {
            boolean agreedThen = metThen == human;
            boolean agreedNow = metNow == human;
            pairs.add(Pair.of(agreement(agreedThen), agreement(agreedNow)));
            verdicts.add(new boolean[] {metThen, metNow, human});
            if (agreedThen && !agreedNow) {
                worse++;
            } else if (!agreedThen && agreedNow) {
                better++;
            }
            then[cell(metThen, human)]++;
            now[cell(metNow, human)]++;
        }

        JudgeDrift build() {
            return new JudgeDrift(
                    criterion, pairs, worse, better, changedAnswers, kappa(then), kappa(now), List.copyOf(verdicts));
        }

        private static CaseOutcome agreement(boolean agreed) {
            return new CaseOutcome(agreed ? Verdict.PASSED : Verdict.FAILED, OptionalDouble.empty(), false);
        }

        /** 0 both met, 1 judge only, 2 person only, 3 neither. */
        private static int cell(boolean judge, boolean human) {
            return judge ? (human ? 0 : 1) : (human ? 2 : 3);
        }

        private static OptionalDouble kappa(int[] table) {
            return JudgeAgreement.kappa(table[0], table[1], table[2], table[3]);
        }
    }
}
