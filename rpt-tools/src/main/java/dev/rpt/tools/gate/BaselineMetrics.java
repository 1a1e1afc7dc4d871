package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.Metrics;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * A class's metrics when its baseline was taken, over every sample; for people reading the file and for messages. The
 * regression test recomputes what it compares on the shared cases.
 *
 * @param n the scored samples
 * @param errored the errored samples
 * @param accuracy passed over scored; empty when {@code n} is 0
 * @param ece the expected calibration error; empty when no sample has a confidence
 * @param brier the Brier score; empty when no sample has a confidence
 * @param errorRate errored over all samples; empty when there were none
 */
@API(status = INTERNAL, since = "0.1")
public record BaselineMetrics(
        int n,
        int errored,
        OptionalDouble accuracy,
        OptionalDouble ece,
        OptionalDouble brier,
        OptionalDouble errorRate) {

    static BaselineMetrics of(Metrics metrics) {
        int total = metrics.n() + metrics.errored();
        return new BaselineMetrics(
                metrics.n(),
                metrics.errored(),
                metrics.accuracy(),
                metrics.ece(),
                metrics.brier(),
                total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) metrics.errored() / total));
    }
}
