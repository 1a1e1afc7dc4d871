package dev.rpt.core.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The model configurations of a run: the named ones declared by {@code rpt.models.<name>.*} keys (selected and
 * ordered by {@code rpt.models}), or, when none is declared, the one model of the top-level keys. A named
 * configuration inherits every key it does not set from the top level, so what the models share is written once.
 *
 * @param targets the configurations, in run order; never empty
 */
@API(status = INTERNAL, since = "0.2")
public record ModelMatrix(List<ModelTarget> targets) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final String INFORMATIONAL = "informational";

    public ModelMatrix {
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a run has at least one model");
        }
    }

    /**
     * Reads the run's model configurations.
     *
     * @throws ConfigException naming the key when a name is malformed, {@code rpt.models} names a configuration that
     *     no key declares, or an {@code informational} flag is neither {@code true} nor {@code false}
     */
    public static ModelMatrix from(RptConfig config) {
        TreeSet<String> declared = new TreeSet<>();
        for (String key : config.withPrefix(RptConstants.MODELS_PREFIX).keySet()) {
            int dot = key.indexOf('.');
            String name = dot < 0 ? key : key.substring(0, dot);
            if (dot < 0 || !NAME.matcher(name).matches()) {
                throw new ConfigException(RptConstants.MODELS_PREFIX + key + " is not a model configuration key."
                        + " Write rpt.models.<name>.<key>, with a name of letters, digits, '-' and '_', e.g."
                        + " rpt.models.local.base-url.");
            }
            declared.add(name);
        }
        List<String> selected = config.string(RptConstants.MODELS)
                .map(list -> selection(list, declared))
                .orElseGet(() -> new ArrayList<>(declared));
        if (selected.isEmpty()) {
            return new ModelMatrix(List.of(ModelTarget.single(config)));
        }
        List<ModelTarget> targets = new ArrayList<>();
        for (String name : selected) {
            String prefix = RptConstants.MODELS_PREFIX + name + ".";
            boolean informational = config.choice(prefix + INFORMATIONAL, List.of("true", "false"))
                    .map(Boolean::parseBoolean)
                    .orElse(false);
            targets.add(new ModelTarget(Optional.of(name), config.forRole(prefix), informational));
        }
        return new ModelMatrix(targets);
    }

    private static List<String> selection(String list, TreeSet<String> declared) {
        List<String> names = new ArrayList<>();
        for (String part : list.split(",")) {
            String name = part.strip();
            if (name.isEmpty() || names.contains(name)) {
                continue;
            }
            if (!declared.contains(name)) {
                throw new ConfigException(RptConstants.MODELS + "=" + list + " names '" + name + "', but no "
                        + RptConstants.MODELS_PREFIX + name + ".* key declares it. Declared: "
                        + (declared.isEmpty() ? "none" : String.join(", ", declared))
                        + ". Declare it (e.g. " + RptConstants.MODELS_PREFIX + name + ".model=...) or remove it.");
            }
            names.add(name);
        }
        return names;
    }

    /** Whether the run names its models, so that tests, reports and baselines carry the model's name. */
    public boolean named() {
        return targets.get(0).name().isPresent();
    }

    /** The configuration of this name. */
    public Optional<ModelTarget> target(String name) {
        return targets.stream()
                .filter(t -> t.name().filter(name::equals).isPresent())
                .findFirst();
    }

    /**
     * The one configuration a tuner works for: the only one, or the one {@code rpt.tune.model} names.
     *
     * @throws ConfigException when several are configured and {@code rpt.tune.model} does not name one of them
     */
    public ModelTarget tuneTarget(RptConfig config) {
        Optional<String> chosen = config.string(RptConstants.TUNE_MODEL);
        if (chosen.isEmpty()) {
            if (targets.size() == 1) {
                return targets.get(0);
            }
            throw new ConfigException("Several model configurations are configured (" + names() + "): set "
                    + RptConstants.TUNE_MODEL + " to the one to tune the prompt for, e.g. -D"
                    + RptConstants.TUNE_MODEL + "=" + targets.get(0).name().orElseThrow() + ".");
        }
        return target(chosen.get())
                .orElseThrow(() -> new ConfigException(RptConstants.TUNE_MODEL + "=" + chosen.get()
                        + " names no configured model. Configured: " + (named() ? names() : "one unnamed model")
                        + ". Use one of these names, or unset it."));
    }

    private String names() {
        return String.join(", ", targets.stream().map(t -> t.name().orElse("")).toList());
    }
}
