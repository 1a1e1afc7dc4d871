package dev.rpt.core.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.calibration.MetricsOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The metrics of a class's case records as the run report's writer measures them: over every sample, with the case
 * as the unit of the accuracy interval, so that {@code rpt:check}, the HTML report and the test phase give one
 * interval for one class.
 */
@API(status = INTERNAL, since = "0.3")
public final class ClassMetrics {

    private ClassMetrics() {}

    /**
     * The metrics of one class's records on one model, samples of a case grouped by method and id.
     *
     * @see Metrics#ofCases(List, MetricsOptions)
     */
    public static Metrics of(List<CaseRecord> records, MetricsOptions options) {
        Map<String, List<CaseOutcome>> byCase = new LinkedHashMap<>();
        for (CaseRecord record : records) {
            byCase.computeIfAbsent(
                            record.classKey() + '\u0000' + record.method() + '\u0000' + record.id(),
                            key -> new ArrayList<>())
                    .add(record.outcome());
        }
        return Metrics.ofCases(List.copyOf(byCase.values()), options);
    }
}
