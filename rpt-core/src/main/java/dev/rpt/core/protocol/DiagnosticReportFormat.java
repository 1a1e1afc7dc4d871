package dev.rpt.core.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.rpt.core.files.JsonChecks;
import dev.rpt.core.files.JsonFileException;
import dev.rpt.core.files.JsonFiles;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The diagnostic report's JSON (schemaVersion {@value #SCHEMA_VERSION}), the result of {@code evaluate_prompt}, as
 * records bound by Jackson in the contract's field order: one type for both sides of the protocol, the tuner that
 * writes it (rpt-tools builds these records from its diagnosis) and the simulator that reads it as the optimizer (rpt-sim,
 * which cannot see rpt-tools). Numbers are rounded to 4 decimals and unmeasurable values are {@code null}. The format
 * is documented in {@code docs/diagnostic-report.md}.
 */
@API(status = INTERNAL, since = "0.4")
public final class DiagnosticReportFormat {

    /** The format's version. */
    public static final int SCHEMA_VERSION = 1;

    private DiagnosticReportFormat() {}

    /** The report as one line of JSON. */
    public static String write(ReportJson report) {
        return JsonFiles.compactText(report);
    }

    /**
     * Reads a report. Objects and numbers that may be unmeasurable may be absent; counts, {@code goals.met} and each
     * mode's {@code label} may not, and a report of another version is refused.
     *
     * @throws JsonFileException when the text is not a diagnostic report, naming the field
     */
    public static ReportJson read(String json) throws JsonFileException {
        return JsonFiles.parse(json, ReportJson.class);
    }

    /**
     * The whole report.
     *
     * @param schemaVersion the format's version, {@value DiagnosticReportFormat#SCHEMA_VERSION}
     * @param iteration the iteration it describes
     * @param metrics that iteration's metrics on the optimization split
     * @param calibration over- and underconfidence counts and the non-empty reliability bins
     * @param failureModes the reported failure modes, most prevalent first
     * @param deltas the change from the previous and from the best iteration
     * @param best the best iteration so far
     * @param nonImprovingStreak iterations in a row without improvement
     * @param patchHistory the outcome of every patch so far
     * @param goals the thresholds the tuning aims at, and whether they are met
     */
    @JsonPropertyOrder({
        "schemaVersion",
        "iteration",
        "metrics",
        "calibration",
        "failureModes",
        "deltas",
        "best",
        "nonImprovingStreak",
        "patchHistory",
        "goals"
    })
    public record ReportJson(
            Integer schemaVersion,
            Integer iteration,
            MetricsJson metrics,
            CalibrationJson calibration,
            List<ModeJson> failureModes,
            DeltasJson deltas,
            BestJson best,
            Integer nonImprovingStreak,
            List<PatchJson> patchHistory,
            GoalsJson goals) {

        public ReportJson {
            // schemaVersion may be absent (older records); a report of another version must not be misread.
            if (schemaVersion != null && schemaVersion != SCHEMA_VERSION) {
                throw new IllegalArgumentException(
                        "schemaVersion: is " + schemaVersion + ", and this rpt reads " + SCHEMA_VERSION);
            }
            failureModes = JsonChecks.list(failureModes);
            patchHistory = JsonChecks.list(patchHistory);
        }
    }

    /** An iteration's metrics; {@code null} where a metric is unmeasurable. */
    @JsonPropertyOrder({
        "n",
        "errored",
        "accuracy",
        "accuracyCi",
        "ece",
        "brier",
        "auroc",
        "formatErrorRate",
        "avgConfidence"
    })
    public record MetricsJson(
            int n,
            int errored,
            BigDecimal accuracy,
            List<BigDecimal> accuracyCi,
            BigDecimal ece,
            BigDecimal brier,
            BigDecimal auroc,
            BigDecimal formatErrorRate,
            BigDecimal avgConfidence) {}

    /** Over- and underconfidence counts, and the reliability bins that hold cases. */
    @JsonPropertyOrder({"overconfidentWrong", "underconfidentRight", "bins"})
    public record CalibrationJson(int overconfidentWrong, int underconfidentRight, List<BinJson> bins) {

        public CalibrationJson {
            bins = JsonChecks.list(bins);
        }
    }

    /** One reliability bin. */
    @JsonPropertyOrder({"lower", "upper", "count", "meanConfidence", "accuracy"})
    public record BinJson(
            BigDecimal lower, BigDecimal upper, int count, BigDecimal meanConfidence, BigDecimal accuracy) {}

    /** One failure mode. */
    @JsonPropertyOrder({"label", "definition", "count", "prevalence", "examples"})
    public record ModeJson(String label, String definition, int count, BigDecimal prevalence, List<String> examples) {

        public ModeJson {
            JsonChecks.text(label, "label");
            definition = definition == null ? "" : definition;
            examples = JsonChecks.list(examples);
        }
    }

    /** The change from the previous and from the best iteration; {@code null} on the first. */
    @JsonPropertyOrder({"vsPrevious", "vsBest"})
    public record DeltasJson(DeltaJson vsPrevious, DeltaJson vsBest) {}

    /** One change of the headline metrics. */
    @JsonPropertyOrder({"accuracy", "ece", "brier"})
    public record DeltaJson(BigDecimal accuracy, BigDecimal ece, BigDecimal brier) {}

    /** The best iteration so far. */
    @JsonPropertyOrder({"iteration", "accuracy", "ece", "brier"})
    public record BestJson(int iteration, BigDecimal accuracy, BigDecimal ece, BigDecimal brier) {}

    /** The outcome of one patch: per target, whether its mode shrank. */
    @JsonPropertyOrder({"iteration", "targets", "shrank"})
    public record PatchJson(int iteration, List<String> targets, Map<String, Boolean> shrank) {

        public PatchJson {
            targets = JsonChecks.list(targets);
            shrank = shrank == null ? Map.of() : shrank;
        }
    }

    /** The goals: only the bounds that are set, and whether all are met. */
    @JsonPropertyOrder({"minAccuracy", "maxEce", "maxBrier", "maxErrorRate", "met"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GoalsJson(
            BigDecimal minAccuracy, BigDecimal maxEce, BigDecimal maxBrier, BigDecimal maxErrorRate, boolean met) {}
}
