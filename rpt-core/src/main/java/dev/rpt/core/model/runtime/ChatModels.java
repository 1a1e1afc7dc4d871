package dev.rpt.core.model.runtime;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.files.JsonFiles;
import dev.rpt.core.model.BatchApi;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatModelProvider;
import dev.rpt.core.model.EmbeddingModel;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.ModelSettings;
import dev.rpt.core.model.batch.BatchJobStore;
import dev.rpt.core.model.batch.BatchSettings;
import dev.rpt.core.model.openai.OpenAiProvider;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * Creates the configured {@link ChatModel} with the runtime layer around it:
 * {@code Metered([Rewriting](Caching(Limited(FailFast(Retrying(provider))))))}, the rewriting being {@code
 * rpt.temperature=none}'s. The order matters:
 *
 * <ul>
 *   <li>{@code Retrying} sits right on the provider, so a retry repeats only the network call.
 *   <li>{@code Limited} holds its permit around all retries of a call (see {@link LimitedChatModel} for why).
 *   <li>{@code FailFast} sits outside the retries, so it sees each call's final outcome, and inside the limit, so a
 *       call that waited for a permit checks whether the provider was given up on meanwhile: a run submits all of a
 *       class's calls at once, and once the key is rejected, the model is missing or the server is gone, those still
 *       queued fail at once instead of each failing the same way (see {@link FailFastChatModel}).
 *   <li>{@code Caching} sits outside the limit: a hit needs no permit and never queues behind slow calls; and it
 *       sees only final outcomes, so an error that was retried away is never mistaken for a reply, and a reply is
 *       stored once, not per attempt.
 *   <li>{@code Metered} is outermost, so it records every call exactly once with its final outcome: cached hits,
 *       replies after retries, and failures (replay misses included).
 *   <li>A request is rewritten outside the cache, so that the cache key describes the request sent; a role's output
 *       limit ({@link #withRoleLimit}) is one more rewriting around all of it.
 * </ul>
 *
 * <p>The provider is found through {@link ServiceLoader} by its {@link ChatModelProvider#id()}. The simulator is not
 * cached: its replies cost nothing and would only fill the user's cache.
 */
@API(status = INTERNAL, since = "0.1")
public final class ChatModels {

    /** The artifact that ships each built-in provider, for the error when one is missing from the classpath. */
    private static final Map<String, String> SHIPPED_IN = Map.of(
            "openai", "dev.rpt:rpt-core",
            "openai-responses", "dev.rpt:rpt-core",
            "anthropic", "dev.rpt:rpt-core",
            "sim", "dev.rpt:rpt-sim");

    /** The highest output limit a configuration may set, as for the target's {@code rpt.max-tokens}. */
    private static final int MAX_OUTPUT_TOKENS = 1_000_000;

    private final Iterable<ChatModelProvider> providers;
    private final Sleeper sleeper;
    private final InstantSource clock;
    private final RandomGenerator random;
    private final Path userHome;

    ChatModels(
            Iterable<ChatModelProvider> providers,
            Sleeper sleeper,
            InstantSource clock,
            RandomGenerator random,
            Path userHome) {
        this.providers = Objects.requireNonNull(providers, "providers");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.userHome = Objects.requireNonNull(userHome, "userHome");
    }

    /**
     * Creates the model configured by {@code rpt.provider}, {@code rpt.model} and the other model keys, wrapped in
     * retries ({@code rpt.retry.*}), the shared concurrency limit, the response cache ({@code rpt.cache}, {@code
     * rpt.cache.dir}, {@code rpt.cache.max-age}) and metering into the shared ledger, which also learns when the
     * answers served from the cache were written.
     *
     * @param config the run's configuration
     * @param environment looks up environment variables ({@code System::getenv} outside tests): the API key and
     *     {@code XDG_CACHE_HOME}
     * @param ledger the run's ledger, shared by all its models; build it with {@link UsageLedger#from(RptConfig)}
     * @param limiter the run's limiter, shared by all its models; build it with {@link
     *     ConcurrencyLimiter#from(RptConfig)}
     * @throws ConfigException naming the key when the configuration is missing or invalid, or the provider is unknown
     *     or not on the classpath
     */
    public static ChatModel create(
            RptConfig config, UnaryOperator<String> environment, UsageLedger ledger, ConcurrencyLimiter limiter) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ChatModels.class.getClassLoader();
        }
        return new ChatModels(
                        ServiceLoader.load(ChatModelProvider.class, loader),
                        Sleeper.system(),
                        InstantSource.system(),
                        new Random(),
                        Path.of(System.getProperty("user.home")))
                .compose(config, environment, ledger, limiter);
    }

    /**
     * The provider ids {@code rpt.provider} accepts: the built-in ones and those found on the class path through {@link
     * java.util.ServiceLoader}.
     *
     * @throws ConfigException when a provider on the class path cannot be loaded
     */
    public static List<String> providerIds() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ChatModels.class.getClassLoader();
        }
        Set<String> ids = new LinkedHashSet<>(ModelSettings.KNOWN_PROVIDERS);
        ids.addAll(discover(ServiceLoader.load(ChatModelProvider.class, loader)).keySet());
        return List.copyOf(ids);
    }

    ChatModel compose(
            RptConfig config, UnaryOperator<String> environment, UsageLedger ledger, ConcurrencyLimiter limiter) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(limiter, "limiter");
        Map<String, List<ChatModelProvider>> byId = discover();
        Set<String> ids = new LinkedHashSet<>(ModelSettings.KNOWN_PROVIDERS);
        ids.addAll(byId.keySet());
        ModelSettings settings = ModelSettings.from(config, List.copyOf(ids));
        ChatModelProvider provider = provider(settings.provider(), byId);
        // Read every runtime key before creating the client, so a typo fails before any connection is set up.
        RetryPolicy retryPolicy = RetryPolicy.from(config);
        CachePolicy cachePolicy = CachePolicy.from(config, clock);
        CacheMode cacheMode = cachePolicy.mode();
        Path cacheDir = cacheMode == CacheMode.OFF ? null : CacheDirectory.resolve(config, environment, userHome);
        boolean defaultTemperature = config.temperature().isEmpty();

        BatchSettings batchSettings = BatchSettings.from(config);

        ChatModel model = provider.create(settings, config, environment);
        CacheEndpoint endpoint = CacheEndpoint.of(settings, model.info(), config);
        BatchPrefetcher batch = model.info().simulated()
                ? null
                : batchPrefetcher(
                        provider,
                        settings,
                        config,
                        environment,
                        batchSettings,
                        cacheMode,
                        cacheDir,
                        endpoint,
                        model.info());
        model = new RetryingChatModel(model, retryPolicy, sleeper, clock, random, limiter::throttled);
        model = new FailFastChatModel(model);
        model = new LimitedChatModel(model, limiter);
        if (cacheDir != null && !model.info().simulated()) {
            model = new CachingChatModel(
                    model,
                    new ResponseCache(cacheDir, clock),
                    cachePolicy,
                    endpoint,
                    batch,
                    ledger::servedFromCache,
                    System.out::println);
        }
        if (defaultTemperature) {
            model = new RewritingChatModel(model, RewritingChatModel.WITHOUT_TEMPERATURE);
        }
        return new MeteredChatModel(model, ledger);
    }

    /**
     * A role's model with the role's output limit applied to every request: {@code <rolePrefix>max-tokens} when set
     * (e.g. {@code rpt.judge.max-tokens}), else each request's own limit raised to {@code rpt.max-tokens} when that is
     * set higher. Each role's requests carry their own default (docs/configuration.md, "Output limits per role").
     *
     * @param model the role's model, from {@link #create} with {@code config.forRole(rolePrefix)}
     * @param config the run's configuration, not the role's view of it: the role's view reads {@code rpt.max-tokens}
     *     as the role's key
     * @param rolePrefix {@link RptConstants#JUDGE_PREFIX}, {@link RptConstants#TUNE_OPTIMIZER_PREFIX} or {@link
     *     RptConstants#DIAGNOSE_CRITIC_PREFIX}
     * @throws ConfigException naming the key when a limit is not a positive whole number
     */
    public static ChatModel withRoleLimit(ChatModel model, RptConfig config, String rolePrefix) {
        String roleKey = rolePrefix + RptConstants.MAX_TOKENS.substring(RptConstants.PREFIX.length());
        Integer roleLimit = config.integer(roleKey, 1, MAX_OUTPUT_TOKENS).orElse(null);
        Integer floor =
                config.integer(RptConstants.MAX_TOKENS, 1, MAX_OUTPUT_TOKENS).orElse(null);
        return roleLimit == null && floor == null
                ? model
                : new RewritingChatModel(model, new RoleLimit(roleLimit, floor));
    }

    /**
     * The batch prefetcher of a model, when {@code rpt.batch} asks for one and can have it: the provider has a batch
     * API and the response cache is written (batch replies are kept there). {@code rpt.batch=on} without either is an
     * error naming the fix; {@code auto} then calls directly.
     */
    private BatchPrefetcher batchPrefetcher(
            ChatModelProvider provider,
            ModelSettings settings,
            RptConfig config,
            UnaryOperator<String> environment,
            BatchSettings batch,
            CacheMode cacheMode,
            Path cacheDir,
            CacheEndpoint endpoint,
            ModelInfo info) {
        if (!batch.enabled()) {
            return null;
        }
        boolean on = batch.mode() == BatchSettings.Mode.ON;
        if (cacheDir == null || !cacheMode.writes()) {
            if (on) {
                throw new ConfigException(RptConstants.BATCH + "=on needs " + RptConstants.CACHE + "="
                        + CacheMode.READ_WRITE.configValue() + " or " + CacheMode.REFRESH.configValue()
                        + ": a batch's replies are kept in the response cache, and " + RptConstants.CACHE + "="
                        + cacheMode.configValue() + " does not write it.");
            }
            return null;
        }
        Optional<BatchApi> api = provider.batchApi(settings, config, environment);
        if (api.isEmpty()) {
            if (on) {
                throw new ConfigException(RptConstants.BATCH + "=on, but rpt has no batch API for provider "
                        + settings.provider() + " (it has for openai and anthropic). Set " + RptConstants.BATCH
                        + "=auto or"
                        + " off for this model.");
            }
            return null;
        }
        return new BatchPrefetcher(
                api.get(),
                batch,
                new BatchJobStore(cacheDir),
                JsonFiles.compactText(endpoint),
                info,
                sleeper,
                clock,
                System.out::println);
    }

    private Map<String, List<ChatModelProvider>> discover() {
        return discover(providers);
    }

    private static Map<String, List<ChatModelProvider>> discover(Iterable<ChatModelProvider> providers) {
        Map<String, List<ChatModelProvider>> byId = new LinkedHashMap<>();
        try {
            for (ChatModelProvider provider : providers) {
                byId.computeIfAbsent(provider.id(), id -> new ArrayList<>()).add(provider);
            }
        } catch (ServiceConfigurationError e) {
            throw new ConfigException("A model provider on the classpath cannot be loaded: " + e.getMessage()
                    + ". Check the META-INF/services/" + ChatModelProvider.class.getName()
                    + " files of the jars on the test classpath, or remove the broken one.");
        }
        return byId;
    }

    private static ChatModelProvider provider(String id, Map<String, List<ChatModelProvider>> byId) {
        List<ChatModelProvider> candidates = byId.getOrDefault(id, List.of());
        if (candidates.isEmpty()) {
            String artifact = SHIPPED_IN.getOrDefault(id, "the jar that contains it");
            throw new ConfigException(RptConstants.PROVIDER + "=" + id + " names a provider whose implementation is"
                    + " not on the classpath (no " + ChatModelProvider.class.getName() + " with id '" + id
                    + "' was found through ServiceLoader). Add " + artifact + " to the test classpath. Providers"
                    + " found: " + (byId.isEmpty() ? "none" : String.join(", ", byId.keySet())) + ".");
        }
        if (candidates.size() > 1) {
            throw new ConfigException("More than one model provider on the classpath has the id '" + id + "' ("
                    + String.join(
                            ", ",
                            candidates.stream().map(p -> p.getClass().getName()).toList())
                    + "), so " + RptConstants.PROVIDER + "=" + id + " is ambiguous. Remove all but one from the"
                    + " classpath.");
        }
        return candidates.get(0);
    }

    /**
     * The embedding model named by {@code rpt.diagnose.embedding-model}, on the same server and with the same key as
     * the given (critic) configuration, if one is named; its calls and tokens go into {@code ledger}, and its cost is
     * priced by {@code rpt.price.<embedding model>}. Its replies are cached like chat replies ({@code rpt.cache}), so a
     * tune that grouped labels by embeddings replays offline.
     *
     * @throws ConfigException when one is named but the provider has no embeddings endpoint
     */
    public static Optional<EmbeddingModel> embeddings(
            RptConfig config, UnaryOperator<String> environment, UsageLedger ledger) {
        Objects.requireNonNull(ledger, "ledger");
        Optional<String> name = config.string(RptConstants.DIAGNOSE_EMBEDDING_MODEL);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        ModelSettings settings = ModelSettings.from(config);
        if (!settings.provider().equals(OpenAiProvider.ID)) {
            throw new ConfigException(RptConstants.DIAGNOSE_EMBEDDING_MODEL + "=" + name.get()
                    + " needs an OpenAI-compatible provider with an embeddings endpoint, but the critic's provider is "
                    + settings.provider() + ". Unset it to group failure labels with one call to the critic.");
        }
        CachePolicy cachePolicy = CachePolicy.from(config, InstantSource.system());
        EmbeddingModel model = new OpenAiProvider().createEmbeddings(settings, name.get(), environment);
        if (cachePolicy.mode() != CacheMode.OFF) {
            Path cacheDir = CacheDirectory.resolve(config, environment, Path.of(System.getProperty("user.home")));
            model = new CachingEmbeddingModel(
                    model,
                    new ResponseCache(cacheDir),
                    cachePolicy,
                    CacheEndpoint.of(settings, model.info(), config),
                    ledger::servedFromCache);
        }
        return Optional.of(new MeteredEmbeddingModel(model, ledger));
    }
}
