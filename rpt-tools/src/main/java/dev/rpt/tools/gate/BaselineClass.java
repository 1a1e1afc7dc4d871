package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.ModelTarget;
import dev.rpt.core.report.ClassInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a baseline holds for one prompt test class.
 *
 * @param className the class
 * @param promptPath the prompt resource
 * @param promptSha256 the sha256 of the prompt text the baseline run used
 * @param metrics the class's metrics in that run
 * @param cases every case, sorted by method and id
 * @param model the model configuration the class ran on, in a run that named its models; each model is guarded apart
 */
@API(status = INTERNAL, since = "0.1")
public record BaselineClass(
        String className,
        String promptPath,
        String promptSha256,
        BaselineMetrics metrics,
        List<BaselineCase> cases,
        Optional<String> model) {

    public BaselineClass {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(promptPath, "promptPath");
        Objects.requireNonNull(promptSha256, "promptSha256");
        Objects.requireNonNull(metrics, "metrics");
        cases = List.copyOf(cases);
    }

    /** A class of a run with one unnamed model. */
    public BaselineClass(
            String className,
            String promptPath,
            String promptSha256,
            BaselineMetrics metrics,
            List<BaselineCase> cases) {
        this(className, promptPath, promptSha256, metrics, cases, Optional.empty());
    }

    /** The class name, followed by {@code [model]} for a named model, as {@link ClassInfo#classKey()}. */
    public String classKey() {
        return className + ModelTarget.suffix(model);
    }
}
