package dev.rpt.core.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One model configuration a run tests its prompts against.
 *
 * @param name the configuration's name in {@code rpt.models.<name>.*}; empty for a run with one unnamed model,
 *     configured by the top-level keys, whose names, reports and baselines stay as they were before model matrices
 * @param config the run's configuration as this model sees it: {@code rpt.X} reads {@code rpt.models.<name>.X} first
 * @param informational whether the configuration is measured and reported without ever failing the build
 */
@API(status = INTERNAL, since = "0.2")
public record ModelTarget(Optional<String> name, RptConfig config, boolean informational) {

    public ModelTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        if (name.isEmpty() && informational) {
            throw new IllegalArgumentException("only a named model configuration can be informational");
        }
    }

    /** The single model of a run without {@code rpt.models.*}: the top-level keys. */
    public static ModelTarget single(RptConfig config) {
        return new ModelTarget(Optional.empty(), config, false);
    }

    /** What a test name or class key carries for this model: {@code [name]}, or nothing for the unnamed model. */
    public String suffix() {
        return suffix(name);
    }

    /** {@code [name]} for a named model, nothing for the unnamed one. */
    public static String suffix(Optional<String> model) {
        return model.map(name -> "[" + name + "]").orElse("");
    }
}
