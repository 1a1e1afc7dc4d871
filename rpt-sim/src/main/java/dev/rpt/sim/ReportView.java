package dev.rpt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The parts of an {@code evaluate_prompt} result (diagnostic report, schemaVersion 1) the optimizer policy reads.
 * Absent numbers read as 0 (NaN for the ECE goal), absent goals as not met.
 *
 * @param iteration the report's iteration, 0 when absent
 * @param accuracy {@code metrics.accuracy}
 * @param ece {@code metrics.ece}
 * @param overconfidentWrong {@code calibration.overconfidentWrong}
 * @param modes the failure modes, most prevalent first; ties keep the report's order
 * @param minAccuracy {@code goals.minAccuracy}
 * @param maxEce {@code goals.maxEce}
 * @param goalsMet {@code goals.met}
 */
record ReportView(
        int iteration,
        double accuracy,
        double ece,
        int overconfidentWrong,
        List<Mode> modes,
        double minAccuracy,
        double maxEce,
        boolean goalsMet) {

    ReportView {
        modes = List.copyOf(modes);
    }

    /**
     * One failure mode of the report.
     *
     * @param label the mode's label
     * @param count how many failed cases it covers
     * @param prevalence count over the number of failed cases
     */
    record Mode(String label, int count, double prevalence) {}

    static ReportView of(JsonNode report) {
        List<Mode> modes = new ArrayList<>();
        for (JsonNode mode : report.path("failureModes")) {
            if (mode.path("label").isTextual()) {
                modes.add(new Mode(
                        mode.get("label").asText(),
                        mode.path("count").asInt(0),
                        mode.path("prevalence").asDouble(0)));
            }
        }
        modes.sort(Comparator.comparingDouble(Mode::prevalence).reversed());
        JsonNode goals = report.path("goals");
        return new ReportView(
                report.path("iteration").asInt(0),
                report.path("metrics").path("accuracy").asDouble(0),
                report.path("metrics").path("ece").asDouble(0),
                report.path("calibration").path("overconfidentWrong").asInt(0),
                modes,
                goals.path("minAccuracy").asDouble(0),
                goals.path("maxEce").isNumber() ? goals.get("maxEce").asDouble() : Double.NaN,
                goals.path("met").asBoolean(false));
    }
}
