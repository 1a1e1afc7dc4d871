package dev.rpt.core.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.thresholds.MetricBounds;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What the report states about one prompt test class besides its cases.
 *
 * @param className the class
 * @param promptPath the prompt resource, e.g. {@code prompts/math-solver.prompt}
 * @param promptSha256 the sha256 of the prompt text the run used
 * @param thresholds the class's bounds, possibly none
 */
@API(status = INTERNAL, since = "0.1")
public record ClassInfo(String className, String promptPath, String promptSha256, MetricBounds thresholds) {

    public ClassInfo {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(promptPath, "promptPath");
        Objects.requireNonNull(promptSha256, "promptSha256");
        Objects.requireNonNull(thresholds, "thresholds");
    }
}
