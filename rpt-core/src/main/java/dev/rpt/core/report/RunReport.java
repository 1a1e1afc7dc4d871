package dev.rpt.core.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.api.Split;
import dev.rpt.core.files.JsonFileException;
import dev.rpt.core.files.JsonFiles;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.core.verdict.ClassVerdict;
import dev.rpt.core.verdict.VerdictSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A run report read back: what the tuner and the gate need of it.
 *
 * @param runId the run's id
 * @param model the target model
 * @param classes what the report states about each class
 * @param cases every case
 * @param usage the run's model usage: calls, tokens and cost, over all its models
 * @param models the named model configurations of a run that tested several, in run order; empty for a run with one
 *     unnamed model
 * @param judge the judge's model and usage, in a run that judged criteria
 * @param configuration the {@code rpt.*} configuration the run used, as its header states it (secrets masked)
 * @param verdicts each class's verdict as the run decided it, by {@link ClassInfo#classKey()}; empty for a report
 *     written before rpt recorded verdicts (schema version 2)
 * @param verdictSettings what the verdicts were decided with; empty when the report has no verdicts
 */
@API(status = INTERNAL, since = "0.1")
public record RunReport(
        String runId,
        ModelInfo model,
        List<ClassInfo> classes,
        List<CaseRecord> cases,
        UsageSnapshot usage,
        List<ModelRun> models,
        Optional<ModelRun> judge,
        Map<String, String> configuration,
        Map<String, ClassVerdict> verdicts,
        Optional<VerdictSettings> verdictSettings) {

    /** A report without recorded verdicts. */
    public RunReport(
            String runId,
            ModelInfo model,
            List<ClassInfo> classes,
            List<CaseRecord> cases,
            UsageSnapshot usage,
            List<ModelRun> models,
            Optional<ModelRun> judge,
            Map<String, String> configuration) {
        this(runId, model, classes, cases, usage, models, judge, configuration, Map.of(), Optional.empty());
    }

    /** A report whose configuration is not known. */
    public RunReport(
            String runId,
            ModelInfo model,
            List<ClassInfo> classes,
            List<CaseRecord> cases,
            UsageSnapshot usage,
            List<ModelRun> models,
            Optional<ModelRun> judge) {
        this(runId, model, classes, cases, usage, models, judge, Map.of());
    }

    /** A report without a judge. */
    public RunReport(
            String runId,
            ModelInfo model,
            List<ClassInfo> classes,
            List<CaseRecord> cases,
            UsageSnapshot usage,
            List<ModelRun> models) {
        this(runId, model, classes, cases, usage, models, Optional.empty());
    }

    public RunReport {
        Objects.requireNonNull(judge, "judge");
        classes = List.copyOf(classes);
        cases = List.copyOf(cases);
        Objects.requireNonNull(usage, "usage");
        models = List.copyOf(models);
        configuration = Map.copyOf(configuration);
        verdicts = Map.copyOf(verdicts);
        Objects.requireNonNull(verdictSettings, "verdictSettings");
    }

    /**
     * The verdict the run decided on a class.
     *
     * @throws IllegalStateException when the report holds no verdict for it: it was written by an rpt before 0.3,
     *     which did not record verdicts; the message says to run the tests again
     */
    public ClassVerdict verdict(ClassInfo info) {
        ClassVerdict verdict = verdicts.get(info.classKey());
        if (verdict == null) {
            throw new IllegalStateException("The run report " + runId + " holds no verdict for " + info.classKey()
                    + ": it was written by an earlier rpt, which did not record them. Run the prompt tests again"
                    + " (e.g. mvn verify) with this version of rpt.");
        }
        return verdict;
    }

    /** The report of a run with one unnamed model. */
    public RunReport(
            String runId, ModelInfo model, List<ClassInfo> classes, List<CaseRecord> cases, UsageSnapshot usage) {
        this(runId, model, classes, cases, usage, List.of());
    }

    /** Whether the named model configuration was informational: measured and reported, never failing the build. */
    public boolean informational(Optional<String> model) {
        return model.flatMap(name ->
                        models.stream().filter(run -> run.name().equals(name)).findFirst())
                .map(ModelRun::informational)
                .orElse(false);
    }

    /**
     * Reads a report written by {@link RunReportWriter}.
     *
     * @throws IOException when the file cannot be read, is not JSON, or has a {@code schemaVersion} this rpt does not
     *     know; the message names the file and the field
     */
    public static RunReport read(Path file) throws IOException {
        try {
            return bind(JsonFiles.readTree(file), file.toString());
        } catch (JsonFileException e) {
            throw notReadable(file.toString(), e);
        }
    }

    /**
     * Reads a report's JSON text, as the isolated launcher returns it; {@code origin} names it in errors, e.g. the
     * file the run also wrote.
     *
     * @throws IOException as {@link #read(Path)}
     */
    public static RunReport parse(String json, String origin) throws IOException {
        try {
            return bind(JsonFiles.readTree(json), origin);
        } catch (JsonFileException e) {
            throw notReadable(origin, e);
        }
    }

    private static RunReport bind(JsonNode root, String origin) throws IOException {
        int version = JsonFiles.version(root, "schemaVersion");
        // Version 1 lacks cases[].mustPass, which reads as false; versions 1 and 2 lack the class verdicts, which only
        // the gate needs (it says to run the tests again). Both still read.
        if (version < 1 || version > RunReportWriter.SCHEMA_VERSION) {
            throw new IOException(origin + " is not an rpt run report of schemaVersion 1 to "
                    + RunReportWriter.SCHEMA_VERSION + ". Re-run the prompt tests with this version of rpt.");
        }
        try {
            return JsonFiles.bind(root, RunReportJson.FileJson.class).toReport();
        } catch (JsonFileException e) {
            throw notReadable(origin, e);
        } catch (IllegalArgumentException e) {
            throw new IOException(
                    origin + " holds an inconsistent case at " + e.getMessage()
                            + ". Run the prompt tests again to write a new report.",
                    e);
        }
    }

    private static IOException notReadable(String origin, JsonFileException e) {
        return new IOException(
                origin + " is not a run report this rpt can read: " + e.getMessage()
                        + ". Run the prompt tests again to write a new report.",
                e);
    }

    /** The cases of one split. */
    public List<CaseRecord> cases(Split split) {
        return cases.stream().filter(c -> c.split() == split).toList();
    }
}
