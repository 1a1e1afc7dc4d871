package dev.rpt.core.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.cases.Split;
import dev.rpt.core.model.runtime.UsageSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run report as the run goes: each case is streamed to disk when it finishes, and only its compact outcome
 * stays in memory for the metrics. {@link #finish} writes the metrics and usage, then moves the report into place
 * atomically as {@code runs/<run-id>/run.json} and {@code last-run.json}; until then readers see the previous
 * report, never a partial one. Thread-safe.
 */
public final class RunReportWriter implements AutoCloseable {

    /** The version of the report's JSON shape; readers check it. */
    public static final int SCHEMA_VERSION = 1;

    /** The file name of the latest run's report in the report directory. */
    public static final String LAST_RUN = "last-run.json";

    private static final JsonFactory JSON = new JsonFactory();

    private final Path reportDirectory;
    private final Path runFile;
    private final Path partFile;
    private final RunHeader header;
    private final MetricsOptions options;
    private final JsonGenerator json;
    private final Map<String, Map<Split, List<CaseOutcome>>> outcomes = new LinkedHashMap<>();
    private boolean finished;

    private RunReportWriter(Path reportDirectory, RunHeader header, MetricsOptions options) throws IOException {
        this.reportDirectory = reportDirectory;
        this.header = header;
        this.options = options;
        Path runDirectory = reportDirectory.resolve("runs").resolve(header.runId());
        Files.createDirectories(runDirectory);
        this.runFile = runDirectory.resolve("run.json");
        this.partFile = runDirectory.resolve("run.json.part");
        this.json = JSON.createGenerator(partFile.toFile(), JsonEncoding.UTF8);
        json.useDefaultPrettyPrinter();
        writeHeader();
    }

    /**
     * Starts a report under {@code reportDirectory} (typically {@code target/rpt}).
     *
     * @throws IOException when the directory cannot be written
     */
    public static RunReportWriter start(Path reportDirectory, RunHeader header, MetricsOptions options)
            throws IOException {
        return new RunReportWriter(reportDirectory, header, options);
    }

    /** Records one finished case. */
    public synchronized void record(CaseRecord record) {
        if (finished) {
            throw new IllegalStateException("the report of run " + header.runId() + " is already finished");
        }
        try {
            CaseJson.write(json, record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run report " + partFile, e);
        }
        outcomes.computeIfAbsent(record.className(), name -> new LinkedHashMap<>())
                .computeIfAbsent(record.split(), split -> new ArrayList<>())
                .add(record.outcome());
    }

    /** The metrics of one class so far, over all its splits. */
    public synchronized Metrics classMetrics(String className) {
        return Metrics.of(all(outcomes.getOrDefault(className, Map.of())), options);
    }

    /**
     * Completes the report and moves it into place.
     *
     * @param classes what to state about each class; classes without cases are reported with empty metrics
     * @param usage the run's model usage
     * @return where the report is
     */
    public synchronized Path finish(List<ClassInfo> classes, UsageSnapshot usage) throws IOException {
        if (finished) {
            throw new IllegalStateException("the report of run " + header.runId() + " is already finished");
        }
        json.writeEndArray();
        json.writeArrayFieldStart("classes");
        List<CaseOutcome> everything = new ArrayList<>();
        for (ClassInfo info : classes) {
            Map<Split, List<CaseOutcome>> bySplit = outcomes.getOrDefault(info.className(), Map.of());
            everything.addAll(all(bySplit));
            writeClass(info, bySplit);
        }
        json.writeEndArray();
        json.writeFieldName("metrics");
        MetricsJson.writeMetrics(json, Metrics.of(everything, options));
        json.writeFieldName("usage");
        MetricsJson.writeUsage(json, usage);
        json.writeStringField("finishedAt", Instant.now().toString());
        json.writeEndObject();
        json.close();
        finished = true;
        moveAtomically(partFile, runFile);
        Path lastRunPart = reportDirectory.resolve(LAST_RUN + ".part");
        Files.copy(runFile, lastRunPart, StandardCopyOption.REPLACE_EXISTING);
        moveAtomically(lastRunPart, reportDirectory.resolve(LAST_RUN));
        return runFile;
    }

    /** Abandons an unfinished report: the partial file is deleted and {@code last-run.json} is left as it was. */
    @Override
    public synchronized void close() throws IOException {
        if (!finished) {
            finished = true;
            json.close();
            Files.deleteIfExists(partFile);
        }
    }

    private void writeHeader() throws IOException {
        json.writeStartObject();
        json.writeNumberField("schemaVersion", SCHEMA_VERSION);
        json.writeStringField("runId", header.runId());
        json.writeStringField("startedAt", header.startedAt().toString());
        json.writeObjectFieldStart("model");
        json.writeStringField("provider", header.model().provider());
        json.writeStringField("model", header.model().model());
        json.writeBooleanField("simulated", header.model().simulated());
        json.writeStringField("label", header.model().label());
        json.writeEndObject();
        json.writeObjectFieldStart("configuration");
        for (Map.Entry<String, String> entry : header.configuration().entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
        json.writeArrayFieldStart("cases");
    }

    private void writeClass(ClassInfo info, Map<Split, List<CaseOutcome>> bySplit) throws IOException {
        json.writeStartObject();
        json.writeStringField("className", info.className());
        json.writeObjectFieldStart("prompt");
        json.writeStringField("path", info.promptPath());
        json.writeStringField("sha256", info.promptSha256());
        json.writeEndObject();
        json.writeObjectFieldStart("thresholds");
        MetricsJson.number(json, "minAccuracy", info.thresholds().minAccuracy());
        MetricsJson.number(json, "maxEce", info.thresholds().maxEce());
        MetricsJson.number(json, "maxBrier", info.thresholds().maxBrier());
        MetricsJson.number(json, "maxErrorRate", info.thresholds().maxErrorRate());
        json.writeEndObject();
        json.writeFieldName("metrics");
        MetricsJson.writeMetrics(json, Metrics.of(all(bySplit), options));
        json.writeObjectFieldStart("splits");
        for (Split split : Split.values()) {
            json.writeFieldName(split.name().toLowerCase(java.util.Locale.ROOT));
            MetricsJson.writeMetrics(json, Metrics.of(bySplit.getOrDefault(split, List.of()), options));
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static List<CaseOutcome> all(Map<Split, List<CaseOutcome>> bySplit) {
        List<CaseOutcome> all = new ArrayList<>();
        bySplit.values().forEach(all::addAll);
        return all;
    }

    private static void moveAtomically(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
