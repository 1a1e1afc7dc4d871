package dev.rpt.tools.diagnose;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.calibration.ReliabilityBin;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * Writes a {@link DiagnosticReport} as the contract's JSON (schemaVersion 1), compact, with numbers rounded to 4
 * decimals and unmeasurable values as {@code null}. The format is documented in {@code docs/diagnostic-report.md}.
 */
@API(status = INTERNAL, since = "0.1")
public final class DiagnosticReportJson {

    private DiagnosticReportJson() {}

    /** The report as one line of JSON. */
    public static String write(DiagnosticReport report) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schemaVersion", DiagnosticReport.SCHEMA_VERSION);
        root.put("iteration", report.iteration());
        root.set("metrics", metrics(report.metrics()));
        root.set("calibration", calibration(report));
        ArrayNode modes = root.putArray("failureModes");
        for (FailureMode mode : report.failureModes()) {
            ObjectNode node = modes.addObject();
            node.put("label", mode.label());
            node.put("definition", mode.definition());
            node.put("count", mode.count());
            node.put("prevalence", Json.round(mode.prevalence()));
            ArrayNode examples = node.putArray("examples");
            mode.examples().forEach(examples::add);
        }
        ObjectNode deltas = root.putObject("deltas");
        deltas(deltas, "vsPrevious", report.vsPrevious());
        deltas(deltas, "vsBest", report.vsBest());
        ObjectNode best = root.putObject("best");
        best.put("iteration", report.best().iteration());
        number(best, "accuracy", report.best().metrics().accuracy());
        number(best, "ece", report.best().metrics().ece());
        number(best, "brier", report.best().metrics().brier());
        root.put("nonImprovingStreak", report.nonImprovingStreak());
        ArrayNode patches = root.putArray("patchHistory");
        for (PatchOutcome patch : report.patchHistory()) {
            ObjectNode node = patches.addObject();
            node.put("iteration", patch.iteration());
            ArrayNode targets = node.putArray("targets");
            patch.targets().forEach(targets::add);
            ObjectNode shrank = node.putObject("shrank");
            patch.shrank().forEach(shrank::put);
        }
        ObjectNode goals = root.putObject("goals");
        report.goals().minAccuracy().ifPresent(v -> goals.put("minAccuracy", Json.round(v)));
        report.goals().maxEce().ifPresent(v -> goals.put("maxEce", Json.round(v)));
        report.goals().maxBrier().ifPresent(v -> goals.put("maxBrier", Json.round(v)));
        report.goals().maxErrorRate().ifPresent(v -> goals.put("maxErrorRate", Json.round(v)));
        goals.put("met", report.goalsMet());
        return Json.write(root);
    }

    private static ObjectNode metrics(Metrics metrics) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("n", metrics.n());
        node.put("errored", metrics.errored());
        number(node, "accuracy", metrics.accuracy());
        if (metrics.accuracyCi().isPresent()) {
            node.putArray("accuracyCi")
                    .add(Json.round(metrics.accuracyCi().get().lower()))
                    .add(Json.round(metrics.accuracyCi().get().upper()));
        } else {
            node.putNull("accuracyCi");
        }
        number(node, "ece", metrics.ece());
        number(node, "brier", metrics.brier());
        number(node, "auroc", metrics.auroc());
        number(node, "formatErrorRate", metrics.formatErrorRate());
        number(node, "avgConfidence", metrics.meanConfidence());
        return node;
    }

    private static ObjectNode calibration(DiagnosticReport report) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("overconfidentWrong", report.confidence().overconfidentWrong());
        node.put("underconfidentRight", report.confidence().underconfidentRight());
        ArrayNode bins = node.putArray("bins");
        for (ReliabilityBin bin : report.metrics().reliability()) {
            if (bin.count() > 0) {
                ObjectNode b = bins.addObject();
                b.put("lower", Json.round(bin.lower()));
                b.put("upper", Json.round(bin.upper()));
                b.put("count", bin.count());
                number(b, "meanConfidence", bin.meanConfidence());
                number(b, "accuracy", bin.accuracy());
            }
        }
        return node;
    }

    private static void deltas(ObjectNode parent, String name, Optional<MetricDeltas> deltas) {
        if (deltas.isEmpty()) {
            parent.putNull(name);
            return;
        }
        ObjectNode node = parent.putObject(name);
        number(node, "accuracy", deltas.get().accuracy());
        number(node, "ece", deltas.get().ece());
        number(node, "brier", deltas.get().brier());
    }

    private static void number(ObjectNode node, String name, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(name, Json.round(value.getAsDouble()));
        } else {
            node.putNull(name);
        }
    }
}
