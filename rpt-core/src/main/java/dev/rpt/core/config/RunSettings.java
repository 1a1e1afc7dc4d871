package dev.rpt.core.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A run's configuration, resolved once from its layers into one view per role and model: the one place that says
 * where a key is looked up. For role R and model configuration M, a key {@code rpt.X} reads, first found wins:
 *
 * <ol>
 *   <li>the role's own key, {@code rpt.judge.X}, {@code rpt.diagnose.critic.X} or {@code rpt.tune.optimizer.X} (the
 *       target has none);
 *   <li>the model configuration's key, {@code rpt.models.M.X}, for a named M;
 *   <li>the key itself, {@code rpt.X}.
 * </ol>
 *
 * <p>So {@code ModelSettings.from(settings.judge().forModel(Optional.of("local"))).timeout()} is the judge's timeout
 * when it grades the answers of model {@code local}. Each layer is itself the first of the plugin's configuration, user and
 * system properties and {@code junit-platform.properties} that sets the key ({@link ConfigSource#layered}). Immutable
 * and thread-safe.
 */
@API(status = INTERNAL, since = "0.3")
public final class RunSettings {

    /** The roles a run's models play, each with the prefix of its own keys. */
    public enum Role {
        /** The model under test: no keys of its own. */
        TARGET(null),
        /** The judge of {@code @Criterion} tests: {@code rpt.judge.*}. */
        JUDGE(RptConstants.JUDGE_PREFIX),
        /** The tuner's critic: {@code rpt.diagnose.critic.*}. */
        CRITIC(RptConstants.DIAGNOSE_CRITIC_PREFIX),
        /** The tuner's optimizer: {@code rpt.tune.optimizer.*}. */
        OPTIMIZER(RptConstants.TUNE_OPTIMIZER_PREFIX);

        private final String prefix;

        Role(String prefix) {
            this.prefix = prefix;
        }

        /** The prefix of the role's own keys, e.g. {@code rpt.judge.}; empty for the target. */
        public Optional<String> prefix() {
            return Optional.ofNullable(prefix);
        }
    }

    private final RptConfig config;
    private final ModelMatrix models;

    private RunSettings(RptConfig config, ModelMatrix models) {
        this.config = config;
        this.models = models;
    }

    /**
     * Resolves the layered configuration.
     *
     * @throws ConfigException naming the key when the model configurations are malformed ({@link ModelMatrix#from})
     */
    public static RunSettings resolve(ConfigSource layers) {
        return of(RptConfig.of(layers));
    }

    /** As {@link #resolve}, over a configuration already read. */
    public static RunSettings of(RptConfig config) {
        return new RunSettings(Objects.requireNonNull(config, "config"), ModelMatrix.from(config));
    }

    /** Every key as written, read for no role and no model: what the misspelt-key warning checks. */
    public Set<String> keys() {
        return config.keys();
    }

    /** The configuration read for no role and no model: the top-level keys. */
    public RptConfig config() {
        return config;
    }

    /** The run's model configurations ({@code rpt.models.*}), or its one unnamed model. */
    public ModelMatrix models() {
        return models;
    }

    /** The model under test. */
    public RoleSettings target() {
        return role(Role.TARGET);
    }

    /** The judge of {@code @Criterion} tests. */
    public RoleSettings judge() {
        return role(Role.JUDGE);
    }

    /** The tuner's critic. */
    public RoleSettings critic() {
        return role(Role.CRITIC);
    }

    /** The tuner's optimizer. */
    public RoleSettings optimizer() {
        return role(Role.OPTIMIZER);
    }

    /** The settings of one role. */
    public RoleSettings role(Role role) {
        return new RoleSettings(Objects.requireNonNull(role, "role"));
    }

    /** One role's view of the configuration, for the unnamed model or for each model configuration. */
    public final class RoleSettings {

        private final Role role;

        private RoleSettings(Role role) {
            this.role = role;
        }

        public Role role() {
            return role;
        }

        /** The role's view over the top-level keys: its own keys first, then {@code rpt.X}. */
        public RptConfig config() {
            return view(config);
        }

        /**
         * The role's view for one model configuration: its own keys, then {@code rpt.models.<name>.X}, then {@code
         * rpt.X}; for an empty name, as {@link #config()}.
         *
         * @throws ConfigException when no model configuration has this name
         */
        public RptConfig forModel(Optional<String> name) {
            if (name.isEmpty()) {
                return config();
            }
            ModelTarget target = models.target(name.get())
                    .orElseThrow(() -> new ConfigException("No model configuration is named '" + name.get()
                            + "': declare it with " + RptConstants.MODELS_PREFIX + name.get() + ".* keys."));
            return view(target.config());
        }

        private RptConfig view(RptConfig base) {
            return role.prefix == null ? base : base.forRole(role.prefix);
        }
    }
}
