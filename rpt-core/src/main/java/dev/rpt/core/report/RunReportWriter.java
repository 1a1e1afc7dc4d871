package dev.rpt.core.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rpt.api.Split;
import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.ToolMetrics;
import dev.rpt.core.files.AtomicFiles;
import dev.rpt.core.files.JsonFiles;
import dev.rpt.core.judge.JudgeAgreement;
import dev.rpt.core.judge.MetRate;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.core.thresholds.BoundCheck;
import dev.rpt.core.thresholds.CheckMode;
import dev.rpt.core.verdict.CaseFindings;
import dev.rpt.core.verdict.ClassVerdict;
import dev.rpt.core.verdict.DetectableDrop;
import dev.rpt.core.verdict.VerdictSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Writes a run report as the run goes: each case is streamed to disk when it finishes, and only its compact outcome
 * stays in memory for the metrics. {@link #finish} writes the metrics and usage, then moves the report into place
 * atomically as {@code runs/<run-id>/run.json} and {@code last-run.json}; until then readers see the previous
 * report, never a partial one. Thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class RunReportWriter implements AutoCloseable {

    /** The version of the report's JSON shape; readers check it. */
    public static final int SCHEMA_VERSION = 3;

    /** The file name of the latest run's report in the report directory. */
    public static final String LAST_RUN = "last-run.json";

    // The shared configuration, without a flush after every case: the file is flushed when the report is finished.
    private static final ObjectWriter WRITER =
            JsonFiles.mapper().writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private final Path reportDirectory;
    private final Path runFile;
    private final Path partFile;
    private final Path lastRunPart;
    private final RunHeader header;
    private final MetricsOptions options;
    private final VerdictSettings verdictSettings;
    private final JsonGenerator json;
    // Only the compact outcomes stay: the metrics need all of them (equal-mass ECE and AUROC sort them), the traces
    // are on disk already. They are kept case by case, so that the accuracy interval of repeated samples has the case
    // as its unit.
    private final Map<String, Map<Split, Map<String, List<CaseOutcome>>>> outcomes = new LinkedHashMap<>();
    private final Map<String, JudgeAgreement.Tally> agreements = new LinkedHashMap<>();
    private final Map<String, CaseFindings> findings = new LinkedHashMap<>();
    private final ToolTally tools = new ToolTally();
    // Each class's verdict, decided once for its thresholds test, the summary and the report (in confidence-bound mode
    // it bootstraps the class's cases); a case recorded for the class afterwards decides it anew.
    private final Map<String, ClassVerdict> verdicts = new LinkedHashMap<>();
    private State state = State.OPEN;

    private enum State {
        OPEN,
        FINISHED,
        ABANDONED
    }

    private RunReportWriter(Path reportDirectory, RunHeader header, VerdictSettings verdictSettings)
            throws IOException {
        this.reportDirectory = Objects.requireNonNull(reportDirectory, "reportDirectory");
        this.header = Objects.requireNonNull(header, "header");
        this.verdictSettings = Objects.requireNonNull(verdictSettings, "verdictSettings");
        this.options = verdictSettings.metrics();
        Path runDirectory = reportDirectory.resolve("runs").resolve(header.runId());
        Files.createDirectories(runDirectory);
        this.runFile = runDirectory.resolve("run.json");
        this.partFile = runDirectory.resolve("run.json.part");
        // Named after the run, so that two runs finishing in one directory never share (or delete) a temporary file.
        this.lastRunPart = reportDirectory.resolve(LAST_RUN + "." + header.runId() + ".part");
        this.json = JsonFiles.mapper().getFactory().createGenerator(partFile.toFile(), JsonEncoding.UTF8);
        try {
            json.useDefaultPrettyPrinter();
            writeHeader();
        } catch (IOException | RuntimeException e) {
            json.close();
            Files.deleteIfExists(partFile);
            throw e;
        }
    }

    /**
     * Starts a report under {@code reportDirectory} (typically {@code target/rpt}).
     *
     * @throws IOException when the directory cannot be written
     */
    public static RunReportWriter start(Path reportDirectory, RunHeader header, MetricsOptions options)
            throws IOException {
        return start(reportDirectory, header, VerdictSettings.pointEstimate(options));
    }

    /**
     * Starts a report whose class verdicts are decided with {@code verdictSettings}; the report records them.
     *
     * @throws IOException when the directory cannot be written
     */
    public static RunReportWriter start(Path reportDirectory, RunHeader header, VerdictSettings verdictSettings)
            throws IOException {
        return new RunReportWriter(reportDirectory, header, verdictSettings);
    }

    /**
     * Records one finished case: it is written to disk now and only its outcome is kept.
     *
     * @throws IllegalStateException after {@link #finish} or {@link #close}
     * @throws UncheckedIOException when the report cannot be written; the partial report is then abandoned
     */
    public synchronized void record(CaseRecord record) {
        requireOpen();
        CaseOutcome outcome = record.outcome();
        try {
            WRITER.writeValue(json, RunReportJson.CaseJson.of(record));
        } catch (IOException e) {
            abandonAfter(e);
            throw new UncheckedIOException("cannot write the run report " + partFile, e);
        }
        outcomes.computeIfAbsent(record.classKey(), name -> new LinkedHashMap<>())
                .computeIfAbsent(record.split(), split -> new LinkedHashMap<>())
                .computeIfAbsent(record.method() + '\u0000' + record.id(), key -> new ArrayList<>(1))
                .add(outcome);
        verdicts.remove(record.classKey());
        tools.add(record);
        findings.computeIfAbsent(record.classKey(), name -> new CaseFindings())
                .add(
                        record.key().inClass(),
                        record.mustPass(),
                        record.verdict(),
                        record.failure()
                                .or(record::error)
                                .map(CaseRecord.Failure::message)
                                .orElse(""));
        if (!record.judgements().isEmpty()) {
            agreements
                    .computeIfAbsent(record.classKey(), name -> new JudgeAgreement.Tally())
                    .add(record.judgements(), record.vars(), record.answer().orElse(""), record.labels());
        }
    }

    /**
     * How well the judge agrees with the human verdicts of one class's cases so far, per criterion; empty when no
     * judged case carries one.
     */
    public synchronized List<JudgeAgreement> classAgreement(String classKey) {
        JudgeAgreement.Tally tally = agreements.get(classKey);
        return tally == null ? List.of() : tally.results(options);
    }

    /** How often each judged criterion of one class is met so far; empty when no case of it was judged. */
    public synchronized List<MetRate> classMetRates(String classKey) {
        JudgeAgreement.Tally tally = agreements.get(classKey);
        return tally == null ? List.of() : tally.metRates();
    }

    /**
     * The metrics of one class so far, over all its splits; also available after {@link #finish}.
     *
     * @param classKey the class's {@link ClassInfo#classKey()}: its name, followed by {@code [model]} in a run that
     *     names its models
     */
    public synchronized Metrics classMetrics(String classKey) {
        return Metrics.ofCases(all(outcomes.getOrDefault(classKey, Map.of())), options);
    }

    /** The tool use of one class so far; empty for a class without a tool-calling case. */
    public synchronized Optional<ToolMetrics> classToolMetrics(String classKey) {
        return tools.metrics(classKey, options.intervalLevel());
    }

    /**
     * The smallest accuracy drop the regression test would catch 4 times in 5 for this class ({@link DetectableDrop}).
     *
     * @param tests the regression tests of the build that share {@code alpha}
     */
    public synchronized OptionalDouble classDetectableDrop(String classKey, double alpha, int tests, double tolerance) {
        return DetectableDrop.of(all(outcomes.getOrDefault(classKey, Map.of())), alpha, tests, tolerance);
    }

    /**
     * The verdict on one class from its cases so far: what its thresholds test reports, and what the finished report
     * states. Also available after {@link #finish}.
     */
    public synchronized ClassVerdict classVerdict(ClassInfo info) {
        return verdicts.computeIfAbsent(
                info.classKey(),
                key -> ClassVerdict.decide(
                        info.thresholds(),
                        info.minKappa(),
                        info.minMetRate(),
                        all(outcomes.getOrDefault(key, Map.of())),
                        findings.getOrDefault(key, new CaseFindings()),
                        classAgreement(key),
                        classMetRates(key),
                        toolChecks(info),
                        verdictSettings));
    }

    /** The checks of the class's bounds on its tool use, on the lower bound at the budget's α in that mode. */
    private List<BoundCheck> toolChecks(ClassInfo info) {
        if (info.toolBounds().count() == 0) {
            return List.of();
        }
        boolean bounded = verdictSettings.mode() == CheckMode.CONFIDENCE_BOUND;
        return info.toolBounds()
                .checks(
                        tools.metrics(info.classKey(), options.intervalLevel()),
                        bounded
                                ? tools.metrics(info.classKey(), 1 - 2 * verdictSettings.boundAlpha())
                                : Optional.empty(),
                        bounded ? OptionalDouble.of(verdictSettings.boundAlpha()) : OptionalDouble.empty());
    }

    /**
     * Completes the report and moves it into place.
     *
     * @param classes what to state about each class, each once; every class with a recorded case must be among them,
     *     and classes without cases are reported with empty metrics
     * @param usage the run's model usage, over all its models
     * @param models the named model configurations of a run that tested several, each with its own usage; empty for
     *     a run with one unnamed model
     * @return where the report is ({@code runs/<run-id>/run.json}); {@code last-run.json} is an identical copy
     * @throws IllegalArgumentException when {@code classes} repeats a class or misses one that has cases; nothing is
     *     written then, so the call can be repeated with the right list
     * @throws IOException when the report cannot be written; the partial report is then abandoned
     */
    public synchronized Path finish(List<ClassInfo> classes, UsageSnapshot usage, List<ModelRun> models)
            throws IOException {
        return finish(classes, usage, models, Optional.empty());
    }

    /**
     * Completes the report of a run whose {@code @Criterion} tests were graded by a judge model, metered apart; see
     * {@link #finish(List, UsageSnapshot, List)}.
     *
     * @param judge the judge and its usage, named {@code judge}; empty when no test declared a criterion
     */
    public synchronized Path finish(
            List<ClassInfo> classes, UsageSnapshot usage, List<ModelRun> models, Optional<ModelRun> judge)
            throws IOException {
        requireOpen();
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(models, "models");
        requireEveryClassOnce(classes);
        try {
            json.writeEndArray();
            json.writeArrayFieldStart("classes");
            for (ClassInfo info : classes) {
                writeClass(info, outcomes.getOrDefault(info.classKey(), Map.of()));
            }
            json.writeEndArray();
            json.writeFieldName("verdictSettings");
            WRITER.writeValue(json, RunReportJson.VerdictSettingsJson.of(verdictSettings));
            json.writeFieldName("metrics");
            List<List<CaseOutcome>> everything = new ArrayList<>();
            outcomes.values().forEach(bySplit -> everything.addAll(all(bySplit)));
            WRITER.writeValue(json, RunReportJson.MetricsJson.of(Metrics.ofCases(everything, options)));
            json.writeFieldName("usage");
            WRITER.writeValue(json, RunReportJson.UsageJson.of(usage));
            if (!models.isEmpty()) {
                json.writeFieldName("models");
                WRITER.writeValue(
                        json,
                        models.stream().map(RunReportJson.ModelRunJson::of).toList());
            }
            if (judge.isPresent()) {
                json.writeFieldName("judge");
                WRITER.writeValue(json, RunReportJson.ModelRunJson.of(judge.get()));
            }
            json.writeStringField("finishedAt", Instant.now().toString());
            json.writeEndObject();
            json.close();
            AtomicFiles.move(partFile, runFile);
            Files.copy(runFile, lastRunPart, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.move(lastRunPart, reportDirectory.resolve(LAST_RUN));
        } catch (IOException | RuntimeException e) {
            abandonAfter(e);
            throw e;
        }
        state = State.FINISHED;
        return runFile;
    }

    /**
     * Abandons an unfinished report: the partial file is deleted and {@code last-run.json} is left as it was. Does
     * nothing after {@link #finish}, so it can always be called in a {@code finally} block.
     */
    @Override
    public synchronized void close() throws IOException {
        if (state == State.OPEN) {
            abandon();
        }
    }

    private void abandon() throws IOException {
        state = State.ABANDONED;
        try {
            json.close();
        } catch (IOException e) {
            // The file is deleted next; what could not be flushed to it does not matter.
        }
        Files.deleteIfExists(partFile);
        Files.deleteIfExists(lastRunPart);
    }

    /** Abandons the report after {@code cause}, keeping a failure to clean up as a suppressed exception of it. */
    private void abandonAfter(Exception cause) {
        try {
            abandon();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("the report of run " + header.runId() + " is already "
                    + (state == State.FINISHED ? "finished" : "closed") + "; record every case before finish()");
        }
    }

    /** Completes the report of a run with one unnamed model; see {@link #finish(List, UsageSnapshot, List)}. */
    public Path finish(List<ClassInfo> classes, UsageSnapshot usage) throws IOException {
        return finish(classes, usage, List.of());
    }

    private void requireEveryClassOnce(List<ClassInfo> classes) {
        Set<String> named = new HashSet<>();
        for (ClassInfo info : classes) {
            if (!named.add(info.classKey())) {
                throw new IllegalArgumentException("class " + info.classKey()
                        + " is listed twice for the report of run " + header.runId() + "; list each class once");
            }
        }
        Set<String> missing = new TreeSet<>(outcomes.keySet());
        missing.removeAll(named);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("classes " + missing + " have recorded cases but no ClassInfo in the"
                    + " report of run " + header.runId() + "; pass a ClassInfo for every class that ran");
        }
    }

    private void writeHeader() throws IOException {
        json.writeStartObject();
        json.writeNumberField("schemaVersion", SCHEMA_VERSION);
        json.writeStringField("runId", header.runId());
        json.writeStringField("startedAt", header.startedAt().toString());
        json.writeFieldName("model");
        WRITER.writeValue(json, RunReportJson.ModelJson.of(header.model()));
        json.writeFieldName("configuration");
        WRITER.writeValue(json, header.configuration());
        json.writeArrayFieldStart("cases");
    }

    private void writeClass(ClassInfo info, Map<Split, Map<String, List<CaseOutcome>>> bySplit) throws IOException {
        Map<Split, Metrics> splits = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            splits.put(
                    split,
                    Metrics.ofCases(
                            List.copyOf(bySplit.getOrDefault(split, Map.of()).values()), options));
        }
        WRITER.writeValue(
                json,
                RunReportJson.ClassJson.of(
                        info,
                        Metrics.ofCases(all(bySplit), options),
                        splits,
                        classAgreement(info.classKey()),
                        classVerdict(info),
                        classToolMetrics(info.classKey())));
    }

    /** Every case's samples, split after split. */
    private static List<List<CaseOutcome>> all(Map<Split, Map<String, List<CaseOutcome>>> bySplit) {
        List<List<CaseOutcome>> all = new ArrayList<>();
        bySplit.values().forEach(cases -> all.addAll(cases.values()));
        return all;
    }
}
