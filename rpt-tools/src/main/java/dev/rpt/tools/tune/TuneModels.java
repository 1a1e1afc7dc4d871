package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.EmbeddingModel;
import dev.rpt.core.model.runtime.ChatModels;
import dev.rpt.core.model.runtime.ConcurrencyLimiter;
import dev.rpt.core.model.runtime.UsageLedger;
import dev.rpt.core.settings.ModelScope;
import dev.rpt.core.settings.RunSettings;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * The models a tune or a diagnosis creates itself: the optimizer (for a tune) and the critic, sharing one ledger and
 * one concurrency limit. The target model is not here: the prompt tests create it when a candidate runs. Any build
 * tool creates them the same way; {@code rpt:tune} and {@code rpt:diagnose} are this call behind Maven's parameters.
 *
 * @param optimizer the optimizer, when the goal needs one
 * @param critic the critic, unless {@code rpt.diagnose.critic.provider=none}
 * @param embeddings the critic's embedding model, when {@code rpt.diagnose.embedding-model} names one
 * @param ledger what the optimizer, the critic and the embedding model used
 * @param critiques runs the critic's calls in parallel, as wide as {@code rpt.concurrency}
 */
@API(status = INTERNAL, since = "0.1")
public record TuneModels(
        Optional<ChatModel> optimizer,
        Optional<ChatModel> critic,
        Optional<EmbeddingModel> embeddings,
        UsageLedger ledger,
        ExecutorService critiques)
        implements AutoCloseable {

    /** The value of {@code rpt.diagnose.critic.provider} that turns the critic off. */
    public static final String NO_CRITIC = "none";

    /**
     * Creates the optimizer ({@code rpt.tune.optimizer.*}) when asked for, and the critic ({@code
     * rpt.diagnose.critic.*}) unless it is turned off.
     *
     * @throws dev.rpt.core.config.ConfigException naming the key when a model's configuration is invalid
     */
    public static TuneModels create(RptConfig config, boolean withOptimizer) {
        return create(RunSettings.of(config), Optional.empty(), withOptimizer);
    }

    /**
     * Creates the optimizer and critic of a tune for one model configuration ({@code rpt.tune.model}): each reads its
     * own keys, then the model configuration's, then the top level ({@link RunSettings}).
     *
     * @param model the model configuration the prompt is tuned for; empty for the one unnamed model
     * @throws dev.rpt.core.config.ConfigException naming the key when a model's configuration is invalid
     */
    public static TuneModels create(RunSettings settings, Optional<String> model, boolean withOptimizer) {
        ModelScope target = settings.target().forModel(model);
        RptConfig config = target.config();
        UsageLedger ledger = new UsageLedger(target.prices(), target.batch().priceFactor());
        ConcurrencyLimiter limiter = ConcurrencyLimiter.from(config);
        Optional<ChatModel> optimizer = withOptimizer
                ? Optional.of(ChatModels.withRoleLimit(
                        ChatModels.create(
                                settings.optimizer().forModel(model).config(), System::getenv, ledger, limiter),
                        config,
                        RptConstants.TUNE_OPTIMIZER_PREFIX))
                : Optional.empty();
        RptConfig critic = settings.critic().forModel(model).config();
        boolean none = critic.string(RptConstants.PROVIDER)
                .filter(NO_CRITIC::equalsIgnoreCase)
                .isPresent();
        try {
            return new TuneModels(
                    optimizer,
                    none
                            ? Optional.empty()
                            : Optional.of(ChatModels.withRoleLimit(
                                    ChatModels.create(critic, System::getenv, ledger, limiter),
                                    config,
                                    RptConstants.DIAGNOSE_CRITIC_PREFIX)),
                    none ? Optional.empty() : ChatModels.embeddings(critic, System::getenv, ledger),
                    ledger,
                    Executors.newFixedThreadPool(limiter.limit(), daemonThreads()));
        } catch (RuntimeException e) {
            optimizer.ifPresent(ChatModel::close);
            throw e;
        }
    }

    @Override
    public void close() {
        critiques.shutdownNow();
        optimizer.ifPresent(ChatModel::close);
        critic.ifPresent(ChatModel::close);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "rpt-critic-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
