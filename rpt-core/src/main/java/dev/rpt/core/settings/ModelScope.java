package dev.rpt.core.settings;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.eval.EvaluationSettings;
import dev.rpt.core.model.ModelSettings;
import dev.rpt.core.model.batch.BatchSettings;
import dev.rpt.core.model.runtime.CacheMode;
import dev.rpt.core.model.runtime.ChatModels;
import dev.rpt.core.model.runtime.PriceTable;
import dev.rpt.core.model.runtime.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * The settings of one role on one model: the typed leaves of {@link RunSettings}' tree, each read from {@link
 * #config()} (the role's keys, then the model configuration's, then the top level) the first time it is asked for and
 * kept. An invalid value fails with the {@link dev.rpt.core.config.ConfigException} that names its key. Thread-safe.
 */
@API(status = INTERNAL, since = "0.4")
public final class ModelScope {

    /** The default of {@code rpt.max-tokens}. */
    public static final int DEFAULT_MAX_TOKENS = 1024;

    private final RunSettings.Role role;
    private final Optional<String> name;
    private final RptConfig config;
    private final Once<ModelSettings> model;
    private final Once<Duration> timeout;
    private final Once<RetryPolicy> retry;
    private final Once<BatchSettings> batch;
    private final Once<PriceTable> prices;
    private final Once<CacheMode> cacheMode;
    private final Once<OptionalDouble> temperature;
    private final Once<Integer> maxTokens;
    private final Once<OptionalLong> seed;
    private final Once<Integer> maxSteps;

    ModelScope(RunSettings.Role role, Optional<String> name, RptConfig config) {
        this.role = Objects.requireNonNull(role, "role");
        this.name = Objects.requireNonNull(name, "name");
        this.config = Objects.requireNonNull(config, "config");
        this.model = new Once<>(() -> ModelSettings.from(config, ChatModels.providerIds()));
        this.timeout = new Once<>(() -> config.duration(RptConstants.TIMEOUT).orElse(ModelSettings.DEFAULT_TIMEOUT));
        this.retry = new Once<>(() -> RetryPolicy.from(config));
        this.batch = new Once<>(() -> BatchSettings.from(config));
        this.prices = new Once<>(() -> PriceTable.from(config));
        this.cacheMode = new Once<>(() -> CacheMode.from(config));
        this.temperature =
                new Once<>(() -> config.temperature().map(OptionalDouble::of).orElseGet(OptionalDouble::empty));
        this.maxTokens = new Once<>(
                () -> config.integer(RptConstants.MAX_TOKENS, 1, 1_000_000).orElse(DEFAULT_MAX_TOKENS));
        this.seed = new Once<>(
                () -> config.longValue(RptConstants.SEED).map(OptionalLong::of).orElseGet(OptionalLong::empty));
        this.maxSteps = new Once<>(
                () -> config.integer(RptConstants.MAX_STEPS, 1, 100).orElse(EvaluationSettings.DEFAULT_MAX_STEPS));
    }

    /** The role whose settings these are. */
    public RunSettings.Role role() {
        return role;
    }

    /** The model configuration's name ({@code rpt.models.<name>.*}); empty for the run's one unnamed model. */
    public Optional<String> name() {
        return name;
    }

    /**
     * The raw view these settings are read from, for what has no typed leaf: a provider's own options (read by the
     * provider, which may come from another jar) and the keys of extensions.
     */
    public RptConfig config() {
        return config;
    }

    /**
     * Provider, model, endpoint, key variable, headers and timeout ({@code rpt.provider}, {@code rpt.model}, ...); a
     * provider id is accepted when it is built in or found on the class path.
     */
    public ModelSettings model() {
        return model.get();
    }

    /** How long one call may take ({@code rpt.timeout}), 60 seconds when unset; as {@link #model()} reads it. */
    public Duration timeout() {
        return timeout.get();
    }

    /** When and how often a failed call is retried ({@code rpt.retry.*}). */
    public RetryPolicy retry() {
        return retry.get();
    }

    /** Whether calls go through a provider's batch API ({@code rpt.batch.*}). */
    public BatchSettings batch() {
        return batch.get();
    }

    /** The prices calls are costed at ({@code rpt.price.*}). */
    public PriceTable prices() {
        return prices.get();
    }

    /** How the response cache is used ({@code rpt.cache}). */
    public CacheMode cacheMode() {
        return cacheMode.get();
    }

    /**
     * The sampling temperature ({@code rpt.temperature}): 0 when unset, empty for {@code none} (the field left out of
     * the request).
     */
    public OptionalDouble temperature() {
        return temperature.get();
    }

    /** The most tokens a reply may take ({@code rpt.max-tokens}), {@value #DEFAULT_MAX_TOKENS} when unset. */
    public int maxTokens() {
        return maxTokens.get();
    }

    /** The sampling seed sent to providers that take one ({@code rpt.seed}); empty when unset. */
    public OptionalLong seed() {
        return seed.get();
    }

    /** The most model turns of a tool-calling case ({@code rpt.max-steps}), {@value EvaluationSettings#DEFAULT_MAX_STEPS} when unset. */
    public int maxSteps() {
        return maxSteps.get();
    }

    @Override
    public String toString() {
        return "ModelScope[" + role
                + name.map(value -> ", model configuration " + value).orElse("") + "]";
    }
}
