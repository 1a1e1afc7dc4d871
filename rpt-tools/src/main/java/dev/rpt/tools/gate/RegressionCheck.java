package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.RunReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Compares a run with its baseline, class by class, on the cases both share: McNemar's test for accuracy (the paired
 * sign-flip test on pass rates when cases were repeated) and the paired randomization test for ECE and Brier, with
 * paired-bootstrap intervals. In a judged class, the judge's agreement with the human verdicts is compared per
 * criterion by McNemar's test on the answers it graded both times ({@link JudgeDrift}). A metric fails only when it is worse than its tolerance and the worsening is
 * significant, so that sampling noise does not fail the build and a trivial but significant change does not either.
 * Never calls a model.
 */
@API(status = INTERNAL, since = "0.1")
public final class RegressionCheck {

    /**
     * Accuracy, ECE and Brier; a judged class adds one test per criterion whose judge is compared. Bonferroni's split
     * over them keeps the chance that an unchanged prompt and judge fail the class on any test at or below {@code
     * alpha}, which is what a user setting {@code rpt.check.alpha} expects.
     */
    static final int TESTS = 3;

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
        List<ClassComparison> classes = new ArrayList<>();
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
            classes.add(compare(info, entry.get(), table.getOrDefault(info.classKey(), new TreeMap<>())));
        }
        for (BaselineClass entry : baseline.classes()) {
            if (run.classes().stream().noneMatch(c -> c.classKey().equals(entry.classKey()))) {
                // A class left out as a whole is a deliberate subset (-Dtest=..., rpt.run.prompt): not a failure.
                // A class that failed before its cases ran fails the test phase with its own message.
                notes.add(entry.classKey() + " is in the baseline but did not run (a -Dtest or rpt.run.prompt"
                        + " subset?), so it is not compared.");
            }
        }
        return new RegressionReport(classes, notes);
    }

    private ClassComparison compare(ClassInfo info, BaselineClass entry, SortedMap<CaseKey, List<CaseRecord>> records) {
        SortedMap<CaseKey, CaseSamples> current = CaseTable.folded(records);
        Map<CaseKey, BaselineCase> before = new HashMap<>();
        entry.cases().forEach(c -> before.put(c.key(), c));
        List<JudgeDrift> judge = JudgeDrift.of(before, records);
        long judgeTests = judge.stream().filter(d -> !d.pairs().isEmpty()).count();
        double perTestAlpha = options.alpha() / (TESTS + judgeTests);
        List<Pair> pairs = new ArrayList<>();
        List<String> added = new ArrayList<>();
        int onlyInRun = 0;
        int errored = 0;
        int worse = 0;
        int better = 0;
        for (Map.Entry<CaseKey, CaseSamples> now : current.entrySet()) {
            BaselineCase then = before.get(now.getKey());
            if (then == null) {
                onlyInRun++;
                added.add(now.getKey().toString());
                continue;
            }
            List<CaseOutcome> thenSamples = then.scoredSamples();
            if (thenSamples.isEmpty() || now.getValue().allErrored()) {
                errored++;
                continue;
            }
            Pair pair = new Pair(thenSamples, now.getValue().scoredOutcomes());
            pairs.add(pair);
            if (pair.currentRate() < pair.baselineRate()) {
                worse++;
            } else if (pair.currentRate() > pair.baselineRate()) {
                better++;
            }
        }
        List<String> missing = entry.cases().stream()
                .map(BaselineCase::key)
                .filter(key -> !current.containsKey(key))
                .sorted()
                .map(CaseKey::toString)
                .toList();
        int onlyInBaseline = missing.size();
        boolean promptChanged = !entry.promptSha256().equals(info.promptSha256());
        List<String> notes = notes(info, entry, pairs.size(), added, onlyInBaseline, errored, promptChanged);
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
            PairedBootstrap bootstrap =
                    new PairedBootstrap(options.resamples(), options.seed(), perTestAlpha, options.metrics());
            Change accuracy = bootstrap.accuracy(pairs);
            boolean single = pairs.stream().allMatch(Pair::single);
            metrics.add(comparison(
                    info.classKey(),
                    Counter.ACCURACY,
                    Optional.empty(),
                    perTestAlpha,
                    pairs.size(),
                    accuracy,
                    single ? McNemar.oneSidedP(worse, better) : signFlipP(pairs),
                    single
                            ? McNemar.method(worse, better) + " (" + worse + " worse, " + better + " better)"
                            : "paired sign-flip test on pass rates, " + options.resamples() + " resamples (" + worse
                                    + " cases lower, " + better + " higher)"));
            int calibrated = (int) pairs.stream().filter(Pair::calibrated).count();
            Map<Counter, Double> pValues = new PairedRandomization(
                            options.resamples(),
                            options.seed() + 3,
                            options.metrics().bins())
                    .calibrationPValues(pairs);
            bootstrap
                    .calibration(pairs)
                    .forEach((counter, change) -> metrics.add(comparison(
                            info.classKey(),
                            counter,
                            Optional.empty(),
                            perTestAlpha,
                            calibrated,
                            change,
                            pValues.get(counter),
                            "paired randomization test, " + options.resamples() + " rounds")));
            if (calibrated < pairs.size()) {
                notes.add(missingConfidences(pairs, calibrated));
            }
        }
        for (JudgeDrift drift : judge) {
            notes.add(drift.note());
            if (drift.pairs().isEmpty()) {
                continue;
            }
            // Same seed for every criterion: each is its own test, and the resampling is only the interval's.
            PairedBootstrap bootstrap =
                    new PairedBootstrap(options.resamples(), options.seed() + 5, perTestAlpha, options.metrics());
            metrics.add(comparison(
                    info.classKey(),
                    Counter.ACCURACY,
                    Optional.of(drift.criterion()),
                    perTestAlpha,
                    drift.pairs().size(),
                    bootstrap.accuracy(drift.pairs()),
                    McNemar.oneSidedP(drift.worse(), drift.better()),
                    McNemar.method(drift.worse(), drift.better()) + " (" + drift.worse() + " worse, " + drift.better()
                            + " better)"));
        }
        return new ClassComparison(
                info.classKey(),
                pairs.size(),
                onlyInRun,
                onlyInBaseline,
                errored,
                promptChanged,
                metrics,
                notes,
                missing,
                added);
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

    private MetricComparison comparison(
            String className,
            Counter counter,
            Optional<String> criterion,
            double perTestAlpha,
            int cases,
            Change change,
            double pValue,
            String test) {
        return new MetricComparison(
                className,
                counter,
                criterion,
                cases,
                change.baseline(),
                change.current(),
                change.lower(),
                change.upper(),
                pValue,
                test,
                options.tolerance(counter),
                perTestAlpha);
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
