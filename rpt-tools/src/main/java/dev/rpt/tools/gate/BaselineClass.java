package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a baseline holds for one prompt test class.
 *
 * @param className the class
 * @param promptPath the prompt resource
 * @param promptSha256 the sha256 of the prompt text the baseline run used
 * @param metrics the class's metrics in that run
 * @param cases every case, sorted by method and id
 */
@API(status = INTERNAL, since = "0.1")
public record BaselineClass(
        String className, String promptPath, String promptSha256, BaselineMetrics metrics, List<BaselineCase> cases) {

    public BaselineClass {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(promptPath, "promptPath");
        Objects.requireNonNull(promptSha256, "promptSha256");
        Objects.requireNonNull(metrics, "metrics");
        cases = List.copyOf(cases);
    }
}
