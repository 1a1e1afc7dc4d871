package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.judge.JudgeAgreement;
import dev.rpt.core.model.Excerpt;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.ClassMetrics;
import dev.rpt.core.thresholds.CheckMode;
import dev.rpt.core.thresholds.ThresholdResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The verdict on one prompt test class, the same in the engine and in {@code rpt:check}.
 *
 * <ul>
 *   <li>A class with {@code @Thresholds} is <b>statistical</b>: it is judged by its thresholds, so a wrong answer alone
 *       is no problem. Two things still are: a <b>must-pass</b> case that failed any sample, and an <b>errored</b>
 *       case, unless the class sets {@code maxErrorRate} (then the error rate is a threshold like the others, and only
 *       a must-pass case must not error). A run whose server died after 200 of 300 cases must not pass on the 200.
 *   <li>A class without thresholds is <b>strict</b>: every case must pass.
 * </ul>
 *
 * <p>Either way, a class with {@code @Thresholds(minKappa)} fails when its judge's Cohen's kappa with the human verdicts
 * is below it on a criterion (or cannot be measured).
 *
 * @param info the class as the report states it
 * @param metrics the class's metrics over all its case records
 * @param thresholds the verdict of each threshold, in the check mode given
 * @param problems what fails the class besides its thresholds, one sentence each; empty when nothing does
 */
@API(status = INTERNAL, since = "0.1")
public record ClassVerdict(ClassInfo info, Metrics metrics, ThresholdResult thresholds, List<String> problems) {

    /** Cases named one by one in a problem; the rest are counted. */
    static final int NAMED_CASES = 5;

    public ClassVerdict {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(thresholds, "thresholds");
        problems = List.copyOf(problems);
    }

    /**
     * Judges one class.
     *
     * @param info the class
     * @param cases the class's case records, every sample; records of other classes are ignored
     * @param mode how accuracy is compared with its bound ({@code rpt.check.mode})
     * @param options the metric options of the run
     */
    public static ClassVerdict of(ClassInfo info, List<CaseRecord> cases, CheckMode mode, MetricsOptions options) {
        List<CaseRecord> own =
                cases.stream().filter(c -> c.classKey().equals(info.classKey())).toList();
        Metrics metrics = ClassMetrics.of(own, options);
        ThresholdResult thresholds = info.thresholds().check(metrics, mode);
        Map<String, List<CaseRecord>> byCase = new LinkedHashMap<>();
        own.forEach(c -> byCase.computeIfAbsent(c.method() + "[" + c.id() + "]", key -> new ArrayList<>())
                .add(c));
        List<String> problems = new ArrayList<>();
        if (statistical(info)) {
            boolean errorsAllowed = info.thresholds().maxErrorRate().isPresent();
            addProblem(
                    problems,
                    byCase,
                    c -> c.mustPass() && c.verdict() == Verdict.FAILED,
                    "must-pass case answered wrong",
                    "must-pass cases answered wrong",
                    "a must-pass case fails the build even in a class judged by its thresholds");
            addProblem(
                    problems,
                    byCase,
                    c -> c.verdict() == Verdict.ERRORED && (!errorsAllowed || c.mustPass()),
                    "case errored",
                    "cases errored",
                    errorsAllowed
                            ? "a must-pass case must not error"
                            : "an errored case says nothing about the prompt; fix the errors, or tolerate some with"
                                    + " @Thresholds(maxErrorRate = ...)");
        } else {
            addProblem(
                    problems,
                    byCase,
                    c -> c.verdict() != Verdict.PASSED,
                    "case did not pass",
                    "cases did not pass",
                    "a class without @Thresholds needs every case to pass; add @Thresholds to judge it as a whole");
        }
        info.minKappa().ifPresent(min -> {
            // Tallied from the records as the run's report tallies them, so rpt:check alone says what the test said.
            JudgeAgreement.Tally tally = new JudgeAgreement.Tally();
            own.stream()
                    .filter(c -> !c.judgements().isEmpty())
                    .forEach(c -> tally.add(c.judgements(), c.vars(), c.answer().orElse(""), c.labels()));
            JudgeAgreement.kappaViolations(tally.results(options), min)
                    .forEach(violation -> problems.add("@Thresholds: " + violation));
        });
        return new ClassVerdict(info, metrics, thresholds, problems);
    }

    /** Whether the class is judged by its thresholds as a whole, rather than case by case. */
    public static boolean statistical(ClassInfo info) {
        return !info.thresholds().isEmpty();
    }

    /** Whether the class passes: every threshold holds and nothing else fails it. */
    public boolean passed() {
        return thresholds.passed() && problems.isEmpty();
    }

    /** Every reason the class fails, thresholds first. */
    public List<String> violations() {
        List<String> all = new ArrayList<>(thresholds.violations());
        all.addAll(problems);
        return all;
    }

    private static void addProblem(
            List<String> problems,
            Map<String, List<CaseRecord>> byCase,
            java.util.function.Predicate<CaseRecord> bad,
            String one,
            String many,
            String why) {
        List<String> named = new ArrayList<>();
        int count = 0;
        for (Map.Entry<String, List<CaseRecord>> entry : byCase.entrySet()) {
            var first = entry.getValue().stream().filter(bad).findFirst();
            if (first.isEmpty()) {
                continue;
            }
            count++;
            if (named.size() < NAMED_CASES) {
                CaseRecord c = first.get();
                String message = c.failure()
                        .or(c::error)
                        .map(CaseRecord.Failure::message)
                        .orElse("");
                named.add(entry.getKey() + (message.isEmpty() ? "" : " (" + Excerpt.of(message, 160) + ")"));
            }
        }
        if (count == 0) {
            return;
        }
        problems.add(count + " " + (count == 1 ? one : many) + ": " + String.join("; ", named)
                + (count > named.size() ? "; and " + (count - named.size()) + " more" : "") + ". Why: " + why
                + ".");
    }
}
