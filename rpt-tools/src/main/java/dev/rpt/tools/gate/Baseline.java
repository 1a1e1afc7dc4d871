package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.report.CaseKey;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.RunReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The committed reference a run is compared with ({@code src/test/rpt/baseline.json} by default): per prompt test
 * class, the prompt's sha256, the class's metrics and every case's outcome. The file format is documented in {@code
 * docs/ci.md}.
 *
 * @param runId the run the baseline was taken from; in a pooled baseline, the newest run
 * @param model the target model of that run
 * @param classes every class of that run, in report order
 * @param pooledRuns the earlier runs pooled into this baseline, oldest first ({@link #pool}); empty for a baseline of
 *     one run
 */
@API(status = INTERNAL, since = "0.1")
public record Baseline(String runId, ModelInfo model, List<BaselineClass> classes, List<String> pooledRuns) {

    /** The version of the baseline's JSON shape for a baseline of one run; a file of it reads and writes back as is. */
    public static final int SCHEMA_VERSION = 1;

    /** The version of a pooled baseline: version 1 and the runs pooled into it. */
    public static final int POOLED_SCHEMA_VERSION = 2;

    /** Where a project keeps its baseline, relative to the project directory. */
    public static final String DEFAULT_PATH = "src/test/rpt/baseline.json";

    public Baseline {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(model, "model");
        classes = List.copyOf(classes);
        pooledRuns = List.copyOf(pooledRuns);
    }

    /** A baseline of one run. */
    public Baseline(String runId, ModelInfo model, List<BaselineClass> classes) {
        this(runId, model, classes, List.of());
    }

    /** How many runs the baseline holds. */
    public int runs() {
        return pooledRuns.size() + 1;
    }

    /**
     * A baseline of both runs' samples: each case holds the samples of {@code earlier} and then those of {@code
     * fresh}, as if the case had been repeated. One committed run is one draw, and a lucky one makes every later build
     * look worse; pooled runs average that luck out, and the regression test compares per-case pass rates with the
     * baseline's own spread in them.
     *
     * @param earlier the committed baseline, of one run or pooled
     * @param fresh the baseline of a new run of the same prompts and cases
     * @throws BaselineException naming the class and the fix when a class's prompt or cases differ between the two,
     *     when one holds a class the other lacks, or when a case errored in the new run
     */
    public static Baseline pool(Baseline earlier, Baseline fresh) {
        List<BaselineClass> pooled = new ArrayList<>();
        for (BaselineClass now : fresh.classes()) {
            BaselineClass then = earlier.classNamed(now.classKey())
                    .orElseThrow(() -> new BaselineException(now.classKey() + " is not in the committed baseline, so"
                            + " its runs cannot be pooled. Record the baseline without pooling (mvn rpt:baseline) and"
                            + " pool later runs into it."));
            if (!then.promptSha256().equals(now.promptSha256())) {
                throw new BaselineException("The prompt of " + now.classKey() + " changed since the committed"
                        + " baseline, so its runs measure two prompts and cannot be pooled. Record a new baseline"
                        + " without pooling (mvn rpt:baseline), then pool later runs of this prompt into it.");
            }
            Map<CaseKey, BaselineCase> earlierCases = new LinkedHashMap<>();
            then.cases().forEach(c -> earlierCases.put(c.key(now.classKey()), c));
            Set<CaseKey> freshKeys = new HashSet<>();
            now.cases().forEach(c -> freshKeys.add(c.key(now.classKey())));
            if (!earlierCases.keySet().equals(freshKeys)) {
                throw new BaselineException("The cases of " + now.classKey() + " differ between the committed baseline"
                        + " and this run, so they cannot be pooled case by case. Record a new baseline without pooling"
                        + " (mvn rpt:baseline).");
            }
            List<BaselineCase> cases = new ArrayList<>();
            List<List<CaseOutcome>> samples = new ArrayList<>();
            for (BaselineCase c : now.cases()) {
                BaselineCase both = BaselineCase.pooled(earlierCases.get(c.key(now.classKey())), c);
                cases.add(both);
                samples.add(both.sampleOutcomes());
            }
            pooled.add(new BaselineClass(
                    now.className(),
                    now.promptPath(),
                    now.promptSha256(),
                    BaselineMetrics.of(dev.rpt.core.calibration.Metrics.ofCases(samples, MetricsOptions.DEFAULTS)),
                    cases,
                    now.model()));
        }
        for (BaselineClass then : earlier.classes()) {
            if (fresh.classNamed(then.classKey()).isEmpty()) {
                throw new BaselineException(then.classKey() + " is in the committed baseline but did not run, so the"
                        + " runs cannot be pooled. Run every class (no -Dtest subset) before pooling.");
            }
        }
        List<String> runs = new ArrayList<>(earlier.pooledRuns());
        runs.add(earlier.runId());
        return new Baseline(fresh.runId(), fresh.model(), pooled, runs);
    }

    /**
     * The baseline of a run that had no errored case.
     *
     * @throws BaselineException when some case errored; see {@link #from(RunReport, boolean)}
     */
    public static Baseline from(RunReport report) {
        return from(report, false);
    }

    /**
     * The baseline of a run, its class metrics measured with the default {@link MetricsOptions}.
     *
     * @param force take it even when cases errored; those are kept as {@code errored} and left out of every comparison,
     *     so a forced baseline guards fewer cases
     * @throws BaselineException when some case errored and {@code force} is false; the message names how many and the
     *     flag
     */
    public static Baseline from(RunReport report, boolean force) {
        return from(report, force, MetricsOptions.DEFAULTS);
    }

    /**
     * The baseline of a run, its class metrics measured as {@code metrics} says (use the run's {@code
     * rpt.metrics.bins}, so that the baseline's ECE is the one the report showed).
     *
     * @param force take it even when cases errored; those are kept as {@code errored} and left out of every comparison,
     *     so a forced baseline guards fewer cases
     * @throws BaselineException when some case errored and {@code force} is false; the message names how many and the
     *     flag
     */
    public static Baseline from(RunReport report, boolean force, MetricsOptions metrics) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(metrics, "metrics");
        long errored = report.cases().stream()
                .filter(c -> c.verdict() == Verdict.ERRORED)
                .count();
        if (errored > 0 && !force) {
            throw new BaselineException("Run " + report.runId() + " has " + errored + " errored case"
                    + (errored == 1 ? "" : "s") + " of " + report.cases().size() + "; a baseline taken from it would"
                    + " stop guarding " + (errored == 1 ? "that case" : "those cases") + ". Fix the errors and run"
                    + " the prompt tests again, or write the baseline anyway with -Drpt.baseline.force=true.");
        }
        Map<String, SortedMap<CaseKey, List<CaseRecord>>> table = CaseTable.of(report);
        List<BaselineClass> classes = new ArrayList<>();
        for (ClassInfo info : report.classes()) {
            SortedMap<CaseKey, List<CaseRecord>> cases = table.getOrDefault(info.classKey(), new TreeMap<>());
            List<BaselineCase> baselineCases = new ArrayList<>();
            cases.forEach((key, records) -> baselineCases.add(baselineCase(key, records)));
            Measured measured = Measured.of(cases.values(), metrics, OptionalDouble.empty());
            classes.add(new BaselineClass(
                    info.className(),
                    info.promptPath(),
                    info.promptSha256(),
                    BaselineMetrics.of(measured.metrics()),
                    baselineCases,
                    info.model()));
        }
        return new Baseline(report.runId(), report.model(), classes);
    }

    private static BaselineCase baselineCase(CaseKey key, List<CaseRecord> records) {
        CaseSamples samples = CaseSamples.of(records);
        List<CaseOutcome> outcomes = records.size() == 1
                ? List.of()
                : records.stream()
                        .map(CaseRecord::outcome)
                        // The baseline keeps what the gate compares: the verdict and the confidence.
                        .map(o -> o.scored() ? new CaseOutcome(o.verdict(), o.confidence(), false) : o)
                        .toList();
        return new BaselineCase(
                key.method(),
                key.id(),
                samples.verdict(),
                samples.confidence(),
                samples.samples(),
                samples.passes(),
                outcomes,
                JudgedAnswer.first(records),
                firstAnswer(records));
    }

    /** The first scored sample's answer, as a flipped case shows it. */
    static Optional<String> firstAnswer(List<CaseRecord> records) {
        return records.stream()
                .filter(record -> record.outcome().scored())
                .map(CaseRecord::answer)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /**
     * What a baseline recorded from cached answers must say: how many of the run's answers came from the response cache
     * and when they were written. A baseline of last month's answers is last month's model, and the next build against
     * today's model is compared with it; empty when every answer was fresh.
     *
     * @param now the time to count ages from
     */
    public static Optional<String> cachedAnswersNote(RunReport run, java.time.Instant now) {
        var cached = run.usage().cachedAnswers();
        if (run.usage().cachedCalls() == 0) {
            return Optional.empty();
        }
        String when = cached.count() > 0 ? cached.describe(now) : ", written at an unknown time";
        return Optional.of(
                run.usage().cachedCalls() + " of the run's " + run.usage().calls()
                        + " model calls were answered from the response cache" + when + ". The baseline records those"
                        + " answers, not what the model gives today; to record today's model, run the tests with"
                        + " -Drpt.cache=refresh before rpt:baseline.");
    }

    /**
     * The class's entry, if the baseline has one.
     *
     * @param classKey the class's name, followed by {@code [model]} for a named model ({@link ClassInfo#classKey()})
     */
    public Optional<BaselineClass> classNamed(String classKey) {
        return classes.stream().filter(c -> c.classKey().equals(classKey)).findFirst();
    }

    /**
     * Writes the baseline to {@code file} atomically (a reader sees the old file or the new one, never half of one),
     * creating its directory.
     *
     * @throws BaselineException when the file cannot be written; the message names it
     */
    public void write(Path file) {
        BaselineJson.write(this, file);
    }

    /**
     * Reads a baseline.
     *
     * @throws BaselineException when the file is missing, unreadable, not JSON, of another schema version, or lacks a
     *     field; the one message names the file, the field and how to fix it
     */
    public static Baseline read(Path file) {
        return BaselineJson.read(file);
    }
}
