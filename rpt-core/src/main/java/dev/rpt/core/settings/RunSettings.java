package dev.rpt.core.settings;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.ConfigKeys;
import dev.rpt.core.config.ConfigSource;
import dev.rpt.core.config.ModelMatrix;
import dev.rpt.core.config.ModelTarget;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.thresholds.CheckMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>So {@code settings.critic().forModel("local").timeout()} is the critic's timeout in a tune for model {@code local}
 * ({@code rpt.tune.model=local}). (The engine's judge is one per run and reads {@code settings.judge().defaults()}.) Each layer is itself the first of the plugin's configuration, user and system properties and {@code
 * junit-platform.properties} that sets the key ({@link ConfigSource#layered}).
 *
 * <p>The tree's leaves are typed: the run's own settings here ({@link #metrics()}, {@link #checkMode()}, {@link
 * #models()}), a role's on one model in {@link ModelScope}. Each is read the first time it is asked for and kept, so a
 * run reads a key once and one it never needs cannot fail it. Immutable and thread-safe.
 */
@API(status = INTERNAL, since = "0.4")
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
    private final Once<ModelMatrix> models;
    private final Once<MetricsOptions> metrics;
    private final Once<CheckMode> checkMode;
    private final Map<Role, RoleSettings> roles = new ConcurrentHashMap<>();

    private RunSettings(RptConfig config) {
        this.config = config;
        this.models = new Once<>(() -> ModelMatrix.from(config));
        this.metrics = new Once<>(() -> MetricsOptions.from(config));
        this.checkMode = new Once<>(() -> CheckMode.from(config));
    }

    /** Resolves the layered configuration; a malformed value fails the first read of its setting, naming its key. */
    public static RunSettings resolve(ConfigSource layers) {
        return of(RptConfig.of(layers));
    }

    /** As {@link #resolve}, over a configuration already read. */
    public static RunSettings of(RptConfig config) {
        return new RunSettings(Objects.requireNonNull(config, "config"));
    }

    /** Every key as written, read for no role and no model: what the misspelt-key warning checks. */
    public Set<String> keys() {
        return config.keys();
    }

    /**
     * One warning per key that no setting reads, with the key it most likely means: the misspelt-key warning every
     * front end prints before a run.
     */
    public List<String> unknownKeys() {
        return ConfigKeys.unknown(keys());
    }

    /** How accuracy intervals and calibration bins are computed ({@code rpt.metrics.*}). */
    public MetricsOptions metrics() {
        return metrics.get();
    }

    /** How thresholds are checked ({@code rpt.check.mode}), by the engine and the gate alike. */
    public CheckMode checkMode() {
        return checkMode.get();
    }

    /** The configuration read for no role and no model: the top-level keys. */
    public RptConfig config() {
        return config;
    }

    /**
     * The run's model configurations ({@code rpt.models.*}), or its one unnamed model.
     *
     * @throws ConfigException naming the key when the model configurations are malformed ({@link ModelMatrix#from})
     */
    public ModelMatrix models() {
        return models.get();
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
        return roles.computeIfAbsent(Objects.requireNonNull(role, "role"), RoleSettings::new);
    }

    /** One role's settings, for the unnamed model or for each model configuration. */
    public final class RoleSettings {

        private final Role role;
        private final Map<String, ModelScope> byModel = new ConcurrentHashMap<>();
        private final ModelScope defaults;

        private RoleSettings(Role role) {
            this.role = role;
            this.defaults = new ModelScope(role, Optional.empty(), view(config));
        }

        public Role role() {
            return role;
        }

        /** The role's settings over the top-level keys: its own keys first, then {@code rpt.X}. */
        public ModelScope defaults() {
            return defaults;
        }

        /** The raw view of {@link #defaults()}. */
        public RptConfig config() {
            return defaults.config();
        }

        /**
         * The role's settings for one model configuration: its own keys, then {@code rpt.models.<name>.X}, then {@code
         * rpt.X}.
         *
         * @throws ConfigException when no model configuration has this name
         */
        public ModelScope forModel(String name) {
            Objects.requireNonNull(name, "name");
            return byModel.computeIfAbsent(name, this::scope);
        }

        /** As {@link #forModel(String)}, or {@link #defaults()} for an empty name. */
        public ModelScope forModel(Optional<String> name) {
            return name.map(this::forModel).orElse(defaults);
        }

        /** The role's settings for one of the run's models. */
        public ModelScope forModel(ModelTarget target) {
            return forModel(target.name());
        }

        private ModelScope scope(String name) {
            ModelTarget target = models().target(name)
                    .orElseThrow(() -> new ConfigException("No model configuration is named '" + name
                            + "': declare it with " + RptConstants.MODELS_PREFIX + name + ".* keys."));
            return new ModelScope(role, Optional.of(name), view(target.config()));
        }

        private RptConfig view(RptConfig base) {
            return role.prefix == null ? base : base.forRole(role.prefix);
        }
    }
}
