package dev.rpt.core.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.runtime.UsageSnapshot;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One named model configuration of a run that tested several: what it was, whether it could fail the build, and what
 * its calls used and cost (priced by its own {@code rpt.models.<name>.price.*}).
 *
 * @param name the configuration's name in {@code rpt.models.<name>.*}
 * @param model the provider and model it called
 * @param informational whether it was measured and reported without failing the build
 * @param usage its calls, tokens and cost
 */
@API(status = INTERNAL, since = "0.2")
public record ModelRun(String name, ModelInfo model, boolean informational, UsageSnapshot usage) {

    public ModelRun {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(usage, "usage");
    }
}
