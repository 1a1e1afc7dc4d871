package dev.rpt.core.model.runtime;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.api.Usage;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.batch.BatchSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * Counts the calls, tokens and cost of one run. Thread-safe; one ledger is shared by every model of a run.
 *
 * <p>Prices are looked up by the configured model name ({@link ModelInfo#model()}), the one users write in {@code
 * rpt.price.<model>}, not by the dated name a provider may report back. The simulator is free. A failed call is
 * counted as an error with no tokens, since providers report usage only with a reply.
 */
@API(status = INTERNAL, since = "0.1")
public final class UsageLedger {

    private final PriceTable prices;
    private final double batchPriceFactor;
    private final Map<ModelInfo, Usage> billedByModel = new HashMap<>();
    private final Map<ModelInfo, Usage> batchByModel = new HashMap<>();
    private long calls;
    private long cachedCalls;
    private long errors;
    private final Map<ModelInfo, Usage> cachedByModel = new HashMap<>();
    private CachedAnswers cachedAnswers = CachedAnswers.NONE;

    /** A ledger that prices calls with the given table, batch calls at half of it. */
    public UsageLedger(PriceTable prices) {
        this(prices, 0.5);
    }

    /**
     * A ledger that prices calls with the given table.
     *
     * @param batchPriceFactor what a call answered in a batch costs relative to the table ({@code
     *     rpt.batch.price-factor})
     */
    public UsageLedger(PriceTable prices, double batchPriceFactor) {
        this.prices = Objects.requireNonNull(prices, "prices");
        if (!(batchPriceFactor > 0 && batchPriceFactor <= 1)) {
            throw new IllegalArgumentException("batchPriceFactor must be in (0, 1], got " + batchPriceFactor);
        }
        this.batchPriceFactor = batchPriceFactor;
    }

    /**
     * A ledger with the {@code rpt.price.*} prices of a configuration.
     *
     * @throws dev.rpt.core.config.ConfigException naming a malformed price key
     */
    public static UsageLedger from(RptConfig config) {
        return new UsageLedger(
                PriceTable.from(config), BatchSettings.from(config).priceFactor());
    }

    /**
     * Records a call that returned a reply: served by the provider, by the cache ({@code response.cached()}), or
     * answered in a batch during this run ({@code response.batch()}, billed at the batch price).
     */
    public synchronized void recordResponse(ModelInfo model, ChatResponse response) {
        calls++;
        if (response.batch()) {
            batchByModel.merge(model, response.usage(), Usage::plus);
        } else if (response.cached()) {
            cachedCalls++;
            cachedByModel.merge(model, response.usage(), Usage::plus);
        } else {
            billedByModel.merge(model, response.usage(), Usage::plus);
        }
    }

    /** Records a call that returned a reply without a {@link ChatResponse}, such as an embeddings call. */
    public synchronized void recordUsage(ModelInfo model, Usage usage) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(usage, "usage");
        calls++;
        billedByModel.merge(model, usage, Usage::plus);
    }

    /** Records a call without a {@link ChatResponse} that the response cache served, such as an embeddings call. */
    public synchronized void recordCachedUsage(ModelInfo model, Usage usage) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(usage, "usage");
        calls++;
        cachedCalls++;
        cachedByModel.merge(model, usage, Usage::plus);
    }

    /** Records when the entry of an answer the response cache served was written (the call itself is recorded apart). */
    synchronized void servedFromCache(Optional<Instant> writtenAt, boolean overMaxAge) {
        cachedAnswers = cachedAnswers.plus(writtenAt, overMaxAge);
    }

    /** Records a call that failed. */
    public synchronized void recordFailure(ModelInfo model) {
        Objects.requireNonNull(model, "model");
        calls++;
        errors++;
    }

    /** The totals so far. */
    public synchronized UsageSnapshot snapshot() {
        Priced billed = priced(billedByModel).plus(priced(batchByModel), batchPriceFactor);
        Priced cached = priced(cachedByModel);
        return new UsageSnapshot(
                calls,
                cachedCalls,
                errors,
                billed.usage(),
                cached.usage(),
                billed.unpriced().isEmpty() ? OptionalDouble.of(billed.cost()) : OptionalDouble.empty(),
                billed.unpriced(),
                cached.unpriced().isEmpty() ? OptionalDouble.of(cached.cost()) : OptionalDouble.empty(),
                cachedAnswers);
    }

    private Priced priced(Map<ModelInfo, Usage> byModel) {
        Usage total = Usage.ZERO;
        double cost = 0;
        List<String> unpriced = new ArrayList<>();
        for (Map.Entry<ModelInfo, Usage> entry : byModel.entrySet()) {
            ModelInfo model = entry.getKey();
            total = total.plus(entry.getValue());
            if (model.simulated()) {
                continue;
            }
            Optional<PriceTable.Price> price = prices.price(model.model());
            if (price.isPresent()) {
                cost += price.get().cost(entry.getValue());
            } else if (!unpriced.contains(model.model())) {
                unpriced.add(model.model());
            }
        }
        unpriced.sort(null);
        return new Priced(total, cost, unpriced);
    }

    /** The tokens of some calls, their cost, and the models without a price. */
    private record Priced(Usage usage, double cost, List<String> unpriced) {

        /** These calls and {@code other}, whose cost counts at {@code factor} of its price. */
        Priced plus(Priced other, double factor) {
            List<String> models = new ArrayList<>(unpriced);
            other.unpriced().stream().filter(m -> !models.contains(m)).forEach(models::add);
            models.sort(null);
            return new Priced(usage.plus(other.usage()), cost + factor * other.cost(), models);
        }
    }
}
