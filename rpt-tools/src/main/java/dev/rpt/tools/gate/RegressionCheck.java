package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.report.CaseKey;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.RunReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Compares a run with its baseline, class by class, on the cases both share, and decides every comparison of the run
 * at once, within one error budget.
 *
 * <p>Each class is compared on accuracy (McNemar's test; the paired sign-flip test on pass rates when cases were
 * repeated), ECE and Brier (the paired randomization test), and in a judged class on the judge's agreement with the
 * human verdicts per criterion, on the answers it graded both times ({@link JudgeDrift}). Each of these is a test of
 * "worse by at most the tolerance" ({@link ShiftedNull}): its p-value is the larger of the p-value of "no change" and
 * that of the shifted null, so the change must be shown beyond the tolerance, and a small sample keeps the exact
 * test's protection. Intervals are paired-bootstrap intervals.
 *
 * <p>Every test of the run's classes that count (not an informational model's) forms one family: Holm's step-down
 * adjustment keeps the chance that an unchanged project fails any of them at or below {@code rpt.check.alpha}, however
 * many classes, models, metrics and criteria the build has ({@link Holm}). An informational model's tests form a
 * family of their own, reported and never failing. Never calls a model.
 */
@API(status = INTERNAL, since = "0.1")
public final class RegressionCheck {

    private final RegressionOptions options;

    /** A check with the given options; {@link RegressionOptions#DEFAULTS} for the documented defaults. */
    public RegressionCheck(RegressionOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Compares {@code run} with {@code baseline}.
     *
     * @throws BaselineException when a class's baseline was recorded for another prompt file
     */
    public RegressionReport compare(Baseline baseline, RunReport run) {
        Map<String, SortedMap<CaseKey, List<CaseRecord>>> table = CaseTable.of(run);
        List<Plan> plans = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (ClassInfo info : run.classes()) {
            var entry = baseline.classNamed(info.classKey());
            if (entry.isEmpty()) {
                notes.add(info.classKey() + " is not in the baseline, so it is not compared; add it with `mvn"
                        + " rpt:baseline`.");
                continue;
            }
            if (!entry.get().promptPath().equals(info.promptPath())) {
                throw new BaselineException("The baseline's entry for " + info.classKey() + " was recorded for the"
                        + " prompt " + entry.get().promptPath() + ", but the class now tests " + info.promptPath()
                        + ": a baseline of another prompt says nothing about this one. Record a new baseline with"
                        + " `mvn rpt:baseline` and commit it.");
            }
            plans.add(plan(
                    info,
                    entry.get(),
                    table.getOrDefault(info.classKey(), new TreeMap<>()),
                    run.informational(info.model())));
        }
        for (BaselineClass entry : baseline.classes()) {
            if (run.classes().stream().noneMatch(c -> c.classKey().equals(entry.classKey()))) {
                // A class left out as a whole is a deliberate subset (-Dtest=..., rpt.run.prompt): not a failure.
                // A class that failed before its cases ran fails the test phase with its own message.
                notes.add(entry.classKey() + " is in the baseline but did not run (a -Dtest or rpt.run.prompt"
                        + " subset?), so it is not compared.");
            }
        }
        int counted = plans.stream()
                .filter(p -> !p.informational())
                .mapToInt(Plan::tests)
                .sum();
        int informational =
                plans.stream().filter(Plan::informational).mapToInt(Plan::tests).sum();
        List<ClassComparison> classes = new ArrayList<>();
        for (Plan plan : plans) {
            int family = plan.informational() ? informational : counted;
            classes.add(measure(plan, options.alpha() / Math.max(1, family)));
        }
        List<ClassComparison> decided = decide(classes, plans);
        if (baseline.runs() == 1) {
            for (int c = 0; c < decided.size(); c++) {
                if (!plans.get(c).informational()) {
                    decided.set(c, withOutlierNote(decided.get(c)));
                }
            }
        }
        return new RegressionReport(decided, notes);
    }

    /**
     * The note for a class whose prompt is the one its one-run baseline ran, yet a metric moved further from the
     * baseline than a single test at the build's level allows: with the prompt unchanged, either the model changed
     * behind its name or the baseline was a lucky draw, and a one-run baseline cannot tell which. The note names the
     * fix for the second (pooling runs into the baseline) without calling the change harmless: a failure stays one.
     */
    private ClassComparison withOutlierNote(ClassComparison comparison) {
        if (comparison.promptChanged()) {
            return comparison;
        }
        List<String> unusual = comparison.metrics().stream()
                .filter(m -> m.criterion().isEmpty() && m.worsening() > 0 && m.pValue() <= options.alpha())
                .map(m -> String.format(
                        Locale.ROOT,
                        "%s %.3f then, %.3f now (p = %.4f alone)",
                        m.label(),
                        m.baseline(),
                        m.current(),
                        m.pValue()))
                .toList();
        if (unusual.isEmpty()) {
            return comparison;
        }
        return comparison.withNote(
                "the prompt is the one the baseline ran (same sha256), yet " + String.join(", ", unusual)
                        + (unusual.size() == 1 ? " is" : " are") + " further from the baseline than a single test at"
                        + " rpt.check.alpha allows. With the prompt unchanged, either the model changed behind its name (a new"
                        + " version, another temperature) or this one-run baseline was a lucky draw. If the model did not"
                        + " change, pool a few more runs into the baseline (mvn verify rpt:baseline"
                        + " -Drpt.baseline.pool=true; docs/ci.md, Pooled baselines) so that one run's luck stops deciding.");
    }

    /** Holm's adjustment over each family: the tests that count, and apart from them an informational model's. */
    private List<ClassComparison> decide(List<ClassComparison> classes, List<Plan> plans) {
        List<ClassComparison> decided = new ArrayList<>(classes);
        for (boolean informational : List.of(false, true)) {
            List<int[]> where = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            for (int c = 0; c < classes.size(); c++) {
                if (plans.get(c).informational() != informational) {
                    continue;
                }
                List<MetricComparison> metrics = classes.get(c).metrics();
                for (int m = 0; m < metrics.size(); m++) {
                    where.add(new int[] {c, m});
                    raw.add(metrics.get(m).pValue());
                }
            }
            double[] adjusted =
                    Holm.adjust(raw.stream().mapToDouble(Double::doubleValue).toArray());
            for (int i = 0; i < where.size(); i++) {
                int c = where.get(i)[0];
                ClassComparison comparison = decided.get(c);
                List<MetricComparison> metrics = new ArrayList<>(comparison.metrics());
                metrics.set(
                        where.get(i)[1],
                        metrics.get(where.get(i)[1]).inFamily(adjusted[i], where.size(), options.alpha()));
                decided.set(c, comparison.withMetrics(metrics));
            }
        }
        return decided;
    }

    /** One class's shared cases and judged answers, paired, before any test: what fixes the family's size. */
    private record Plan(
            ClassInfo info,
            BaselineClass entry,
            boolean informational,
            List<Pair> pairs,
            List<JudgeDrift> judge,
            List<String> missing,
            List<String> added,
            int errored,
            int worse,
            int better,
            List<Flip> flips) {

        /** How many tests the class adds to its family. */
        int tests() {
            int own = pairs.isEmpty() ? 0 : 1 + (pairs.stream().anyMatch(Pair::calibrated) ? 2 : 0);
            return own + (int) judge.stream().filter(d -> !d.pairs().isEmpty()).count();
        }
    }

    private Plan plan(
            ClassInfo info, BaselineClass entry, SortedMap<CaseKey, List<CaseRecord>> records, boolean informational) {
        SortedMap<CaseKey, CaseSamples> current = CaseTable.folded(records);
        Map<CaseKey, BaselineCase> before = new HashMap<>();
        entry.cases().forEach(c -> before.put(c.key(entry.classKey()), c));
        List<Pair> pairs = new ArrayList<>();
        List<String> added = new ArrayList<>();
        int errored = 0;
        int worse = 0;
        int better = 0;
        List<Flip> flips = new ArrayList<>();
        for (Map.Entry<CaseKey, CaseSamples> now : current.entrySet()) {
            BaselineCase then = before.get(now.getKey());
            if (then == null) {
                added.add(now.getKey().inClass());
                continue;
            }
            List<CaseOutcome> thenSamples = then.scoredSamples();
            if (thenSamples.isEmpty() || now.getValue().allErrored()) {
                errored++;
                continue;
            }
            Pair pair = new Pair(thenSamples, now.getValue().scoredOutcomes());
            pairs.add(pair);
            if (pair.currentRate() != pair.baselineRate()) {
                boolean down = pair.currentRate() < pair.baselineRate();
                worse += down ? 1 : 0;
                better += down ? 0 : 1;
                flips.add(new Flip(
                        now.getKey().inClass(),
                        down,
                        pair.baselineRate(),
                        pair.currentRate(),
                        then.answer(),
                        Baseline.firstAnswer(records.get(now.getKey()))));
            }
        }
        List<String> missing = entry.cases().stream()
                .map(c -> c.key(entry.classKey()))
                .filter(key -> !current.containsKey(key))
                .sorted()
                .map(CaseKey::inClass)
                .toList();
        return new Plan(
                info,
                entry,
                informational,
                pairs,
                JudgeDrift.of(before, records),
                missing,
                added,
                errored,
                worse,
                better,
                flips);
    }

    private ClassComparison measure(Plan plan, double intervalAlpha) {
        ClassInfo info = plan.info();
        List<Pair> pairs = plan.pairs();
        boolean promptChanged = !plan.entry().promptSha256().equals(info.promptSha256());
        List<String> notes = notes(
                info, plan.entry(), pairs.size(), plan.added(), plan.missing().size(), plan.errored(), promptChanged);
        long unevenSamples = pairs.stream()
                .filter(p -> p.baseline().size() != p.current().size())
                .count();
        if (unevenSamples > 0) {
            // Swapping sides is exact only when both sides hold alike samples; with uneven counts it is approximate.
            notes.add(unevenSamples + " shared cases have a different number of scored samples in the baseline and"
                    + " the run; they are still compared on pass rates, but take the baseline with the run's"
                    + " rpt.repeat for exact tests.");
        }
        List<MetricComparison> metrics = new ArrayList<>();
        if (!pairs.isEmpty()) {
            own(plan, intervalAlpha, metrics, notes);
        }
        judge(plan, intervalAlpha, metrics, notes);
        return new ClassComparison(
                info.classKey(),
                pairs.size(),
                plan.added().size(),
                plan.missing().size(),
                plan.errored(),
                promptChanged,
                metrics,
                notes,
                plan.missing(),
                plan.added(),
                plan.flips());
    }

    /** The class's own metrics against the baseline: accuracy, and ECE and Brier where the samples state a confidence. */
    private void own(Plan plan, double intervalAlpha, List<MetricComparison> metrics, List<String> notes) {
        ClassInfo info = plan.info();
        List<Pair> pairs = plan.pairs();
        PairedBootstrap bootstrap =
                new PairedBootstrap(options.resamples(), options.seed(), intervalAlpha, options.metrics());
        metrics.add(accuracy(info, pairs, plan.worse(), plan.better(), bootstrap, intervalAlpha));
        int calibrated = (int) pairs.stream().filter(Pair::calibrated).count();
        Map<Counter, Double> noChange = new PairedRandomization(
                        options.resamples(),
                        options.seed() + 3,
                        options.metrics().bins())
                .calibrationPValues(pairs);
        bootstrap.calibration(pairs).forEach((counter, change) -> {
            double tolerance = options.tolerance(counter);
            double shifted = counter == Counter.BRIER
                    ? ShiftedNull.pairedT(brierWorsenings(pairs), tolerance)
                    : change.shiftedP(false, tolerance);
            metrics.add(comparison(
                    info.classKey(),
                    counter,
                    Optional.empty(),
                    intervalAlpha,
                    calibrated,
                    change,
                    noChange.get(counter),
                    shifted,
                    "paired randomization test, " + options.resamples() + " rounds"
                            + (counter == Counter.BRIER
                                    ? "; paired t-test on per-case Brier"
                                    : "; bootstrap of cases, " + options.resamples() + " resamples")));
        });
        if (calibrated < pairs.size()) {
            notes.add(missingConfidences(pairs, calibrated));
        }
    }

    /** The judge's agreement with people, per criterion, on the labelled answers it graded in both runs. */
    private void judge(Plan plan, double intervalAlpha, List<MetricComparison> metrics, List<String> notes) {
        ClassInfo info = plan.info();
        for (JudgeDrift drift : plan.judge()) {
            // Same seed for every criterion: each is its own test, and the resampling is only the interval's.
            PairedBootstrap bootstrap =
                    new PairedBootstrap(options.resamples(), options.seed() + 5, intervalAlpha, options.metrics());
            notes.add(drift.note(bootstrap.kappa(drift.verdicts()), intervalAlpha));
            if (drift.pairs().isEmpty()) {
                continue;
            }
            metrics.add(comparison(
                    info.classKey(),
                    Counter.ACCURACY,
                    Optional.of(drift.criterion()),
                    intervalAlpha,
                    drift.pairs().size(),
                    bootstrap.accuracy(drift.pairs()),
                    McNemar.oneSidedP(drift.worse(), drift.better()),
                    ShiftedNull.tango(
                            drift.worse(), drift.better(), drift.pairs().size(), options.tolerance(Counter.ACCURACY)),
                    McNemar.method(drift.worse(), drift.better()) + " (" + drift.worse() + " worse, " + drift.better()
                            + " better); Tango's score test"));
        }
    }

    private MetricComparison accuracy(
            ClassInfo info, List<Pair> pairs, int worse, int better, PairedBootstrap bootstrap, double intervalAlpha) {
        double tolerance = options.tolerance(Counter.ACCURACY);
        boolean single = pairs.stream().allMatch(Pair::single);
        double[] worsenings = pairs.stream()
                .mapToDouble(p -> p.baselineRate() - p.currentRate())
                .toArray();
        return comparison(
                info.classKey(),
                Counter.ACCURACY,
                Optional.empty(),
                intervalAlpha,
                pairs.size(),
                bootstrap.accuracy(pairs),
                single ? McNemar.oneSidedP(worse, better) : signFlipP(pairs),
                single
                        ? ShiftedNull.tango(worse, better, pairs.size(), tolerance)
                        : ShiftedNull.pairedT(worsenings, tolerance),
                single
                        ? McNemar.method(worse, better) + " (" + worse + " worse, " + better + " better); Tango's"
                                + " score test"
                        : "paired sign-flip test on pass rates, " + options.resamples() + " resamples (" + worse
                                + " cases lower, " + better + " higher); paired t-test on per-case pass rates");
    }

    /** Each calibrated case's Brier now minus then, over its samples with a confidence: positive is worse. */
    private static double[] brierWorsenings(List<Pair> pairs) {
        return pairs.stream()
                .filter(Pair::calibrated)
                .mapToDouble(p -> brier(p.current()) - brier(p.baseline()))
                .toArray();
    }

    private static double brier(List<CaseOutcome> samples) {
        double sum = 0;
        int n = 0;
        for (CaseOutcome sample : samples) {
            if (sample.confidence().isPresent()) {
                double gap = sample.confidence().getAsDouble() - (sample.correct() ? 1 : 0);
                sum += gap * gap;
                n++;
            }
        }
        return sum / n;
    }

    /**
     * A comparison before the family's adjustment. Its p-value is that of "no change" when the tolerance is zero,
     * else the larger of it and the shifted null's: both must reject.
     */
    private MetricComparison comparison(
            String className,
            Counter counter,
            Optional<String> criterion,
            double intervalAlpha,
            int cases,
            Change change,
            double noChangeP,
            double shiftedP,
            String test) {
        double tolerance = options.tolerance(counter);
        return new MetricComparison(
                className,
                counter,
                criterion,
                cases,
                change.baseline(),
                change.current(),
                change.lower(),
                change.upper(),
                tolerance == 0 ? noChangeP : Math.max(noChangeP, shiftedP),
                test,
                tolerance,
                intervalAlpha,
                Double.NaN,
                0,
                options.alpha());
    }

    /** Which side lacks confidences, so the user knows whether the baseline or the new run is the one to fix. */
    static String missingConfidences(List<Pair> pairs, int calibrated) {
        long baselineOnly = pairs.stream()
                .filter(p -> !p.baselineHasConfidence() && p.currentHasConfidence())
                .count();
        long runOnly = pairs.stream()
                .filter(p -> p.baselineHasConfidence() && !p.currentHasConfidence())
                .count();
        long both = pairs.stream()
                .filter(p -> !p.baselineHasConfidence() && !p.currentHasConfidence())
                .count();
        List<String> sides = new ArrayList<>();
        if (baselineOnly > 0) {
            sides.add(baselineOnly + " in the baseline only");
        }
        if (runOnly > 0) {
            sides.add(runOnly + " in this run only");
        }
        if (both > 0) {
            sides.add(both + " on both sides");
        }
        return (pairs.size() - calibrated) + " shared cases lack a confidence (" + String.join(", ", sides)
                + "); ECE and Brier rest on the other " + calibrated + "."
                + (baselineOnly > 0 && runOnly == 0 && both == 0
                        ? " Record the baseline again with mvn rpt:baseline to compare calibration on every case."
                        : "");
    }

    private double signFlipP(List<Pair> pairs) {
        double[] differences = pairs.stream()
                .mapToDouble(p -> p.currentRate() - p.baselineRate())
                .toArray();
        return SignFlipTest.oneSidedP(differences, options.resamples(), options.seed() + 2);
    }

    private static List<String> notes(
            ClassInfo info,
            BaselineClass entry,
            int shared,
            List<String> added,
            int onlyInBaseline,
            int errored,
            boolean promptChanged) {
        List<String> notes = new ArrayList<>();
        if (promptChanged) {
            notes.add("the prompt " + info.promptPath() + " changed since the baseline (sha256 "
                    + abbreviate(entry.promptSha256()) + " then, " + abbreviate(info.promptSha256())
                    + " now); it is still compared on the shared cases. If the new numbers are what you want, accept"
                    + " them with `mvn rpt:baseline`.");
        }
        if (!added.isEmpty()) {
            notes.add(added.size() + (added.size() == 1 ? " new case" : " new cases") + " that the baseline does"
                    + " not hold (" + ClassComparison.named(added) + "), not compared; `mvn rpt:baseline` adds them.");
        }
        if (onlyInBaseline > 0) {
            notes.add(onlyInBaseline + " of the baseline's cases did not run; compared on the " + shared
                    + " shared cases, and the class fails the gate.");
        }
        if (errored > 0) {
            notes.add(errored + " cases errored in the run or the baseline and are left out of the comparison.");
        }
        if (shared == 0) {
            notes.add("no case was scored in both the run and the baseline, so nothing is compared.");
        }
        return notes;
    }

    private static String abbreviate(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
    }
}
