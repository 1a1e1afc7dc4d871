package dev.rpt.tools.diagnose;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.calibration.ReliabilityBin;
import dev.rpt.core.files.JsonChecks;
import dev.rpt.core.files.JsonFileException;
import dev.rpt.core.files.JsonFiles;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * The one owner of the diagnostic report's JSON (schemaVersion 1): records bound by Jackson in the contract's field
 * order, written compact (the optimizer reads it as a tool result), with numbers rounded to 4 decimals and
 * unmeasurable values as {@code null}. The format is documented in {@code docs/diagnostic-report.md}.
 */
@API(status = INTERNAL, since = "0.1")
public final class DiagnosticReportJson {

    private DiagnosticReportJson() {}

    /** The report as one line of JSON. */
    public static String write(DiagnosticReport report) {
        return JsonFiles.compactText(ReportJson.of(report));
    }

    /**
     * Reads a report back, e.g. from a tune record's {@code diagnostic.json}.
     *
     * @throws JsonFileException when the text is not a diagnostic report, naming the field
     */
    public static ReportJson read(String json) throws JsonFileException {
        return JsonFiles.parse(json, ReportJson.class);
    }

    /**
     * The whole report.
     *
     * @param schemaVersion the format's version, {@value DiagnosticReport#SCHEMA_VERSION}
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
            // A reader needs only the fields it reads; a report of another version must not be misread, though.
            if (schemaVersion != null && schemaVersion != DiagnosticReport.SCHEMA_VERSION) {
                throw new IllegalArgumentException("schemaVersion: is " + schemaVersion + ", and this rpt reads "
                        + DiagnosticReport.SCHEMA_VERSION);
            }
            failureModes = JsonChecks.list(failureModes);
            patchHistory = JsonChecks.list(patchHistory);
        }

        static ReportJson of(DiagnosticReport report) {
            return new ReportJson(
                    DiagnosticReport.SCHEMA_VERSION,
                    report.iteration(),
                    MetricsJson.of(report.metrics()),
                    CalibrationJson.of(report),
                    report.failureModes().stream().map(ModeJson::of).toList(),
                    new DeltasJson(
                            report.vsPrevious().map(DeltaJson::of).orElse(null),
                            report.vsBest().map(DeltaJson::of).orElse(null)),
                    new BestJson(
                            report.best().iteration(),
                            round(report.best().metrics().accuracy()),
                            round(report.best().metrics().ece()),
                            round(report.best().metrics().brier())),
                    report.nonImprovingStreak(),
                    report.patchHistory().stream()
                            .map(patch -> new PatchJson(patch.iteration(), patch.targets(), patch.shrank()))
                            .toList(),
                    GoalsJson.of(report));
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
            BigDecimal avgConfidence) {

        static MetricsJson of(Metrics metrics) {
            return new MetricsJson(
                    metrics.n(),
                    metrics.errored(),
                    round(metrics.accuracy()),
                    metrics.accuracyCi()
                            .map(ci -> List.of(round(ci.lower()), round(ci.upper())))
                            .orElse(null),
                    round(metrics.ece()),
                    round(metrics.brier()),
                    round(metrics.auroc()),
                    round(metrics.formatErrorRate()),
                    round(metrics.meanConfidence()));
        }
    }

    /** Over- and underconfidence counts, and the reliability bins that hold cases. */
    @JsonPropertyOrder({"overconfidentWrong", "underconfidentRight", "bins"})
    public record CalibrationJson(int overconfidentWrong, int underconfidentRight, List<BinJson> bins) {

        public CalibrationJson {
            bins = JsonChecks.list(bins);
        }

        static CalibrationJson of(DiagnosticReport report) {
            return new CalibrationJson(
                    report.confidence().overconfidentWrong(),
                    report.confidence().underconfidentRight(),
                    report.metrics().reliability().stream()
                            .filter(bin -> bin.count() > 0)
                            .map(BinJson::of)
                            .toList());
        }
    }

    /** One reliability bin. */
    @JsonPropertyOrder({"lower", "upper", "count", "meanConfidence", "accuracy"})
    public record BinJson(
            BigDecimal lower, BigDecimal upper, int count, BigDecimal meanConfidence, BigDecimal accuracy) {

        static BinJson of(ReliabilityBin bin) {
            return new BinJson(
                    round(bin.lower()),
                    round(bin.upper()),
                    bin.count(),
                    round(bin.meanConfidence()),
                    round(bin.accuracy()));
        }
    }

    /** One failure mode. */
    @JsonPropertyOrder({"label", "definition", "count", "prevalence", "examples"})
    public record ModeJson(String label, String definition, int count, BigDecimal prevalence, List<String> examples) {

        public ModeJson {
            JsonChecks.text(label, "label");
            definition = definition == null ? "" : definition;
            examples = JsonChecks.list(examples);
        }

        static ModeJson of(FailureMode mode) {
            return new ModeJson(
                    mode.label(), mode.definition(), mode.count(), round(mode.prevalence()), mode.examples());
        }
    }

    /** The change from the previous and from the best iteration; {@code null} on the first. */
    @JsonPropertyOrder({"vsPrevious", "vsBest"})
    public record DeltasJson(DeltaJson vsPrevious, DeltaJson vsBest) {}

    /** One change of the headline metrics. */
    @JsonPropertyOrder({"accuracy", "ece", "brier"})
    public record DeltaJson(BigDecimal accuracy, BigDecimal ece, BigDecimal brier) {

        static DeltaJson of(MetricDeltas deltas) {
            return new DeltaJson(round(deltas.accuracy()), round(deltas.ece()), round(deltas.brier()));
        }
    }

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
            BigDecimal minAccuracy, BigDecimal maxEce, BigDecimal maxBrier, BigDecimal maxErrorRate, boolean met) {

        static GoalsJson of(DiagnosticReport report) {
            return new GoalsJson(
                    round(report.goals().minAccuracy()),
                    round(report.goals().maxEce()),
                    round(report.goals().maxBrier()),
                    round(report.goals().maxErrorRate()),
                    report.goalsMet());
        }
    }

    /**
     * The value rounded to 4 decimals, or {@code null}. The optimizer reads these numbers; 0.5499999999999999 costs
     * tokens and says nothing more than 0.55.
     */
    static BigDecimal round(OptionalDouble value) {
        return value.isPresent() ? round(value.getAsDouble()) : null;
    }

    static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
