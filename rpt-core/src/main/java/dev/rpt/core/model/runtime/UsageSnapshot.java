package dev.rpt.core.model.runtime;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.api.Usage;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * The usage of a run at one moment, for reports.
 *
 * @param calls every call made, whether served by the provider, by the cache, or failed
 * @param cachedCalls the calls served from the response cache; they cost nothing
 * @param errors the calls that failed (after their retries)
 * @param usage the tokens of the calls the provider served, i.e. the billed ones
 * @param cachedUsage the tokens the cached calls consumed when they were first recorded, i.e. what the cache saved
 * @param costUsd what the billed calls cost, or empty when some billed call's model has no price
 * @param unpricedModels the models of billed calls that have no price, sorted; why {@code costUsd} is empty
 * @param cachedCostUsd what the cached calls cost when they were first recorded, at today's prices: what the cache
 *     saved; empty when some cached call's model has no price
 * @param cachedAnswers when the cached answers were written; {@link CachedAnswers#NONE} when not known (a report
 *     written before it was recorded)
 */
@API(status = INTERNAL, since = "0.1")
public record UsageSnapshot(
        long calls,
        long cachedCalls,
        long errors,
        Usage usage,
        Usage cachedUsage,
        OptionalDouble costUsd,
        List<String> unpricedModels,
        OptionalDouble cachedCostUsd,
        CachedAnswers cachedAnswers) {

    /** A snapshot that does not know when its cached answers were written. */
    public UsageSnapshot(
            long calls,
            long cachedCalls,
            long errors,
            Usage usage,
            Usage cachedUsage,
            OptionalDouble costUsd,
            List<String> unpricedModels,
            OptionalDouble cachedCostUsd) {
        this(
                calls,
                cachedCalls,
                errors,
                usage,
                cachedUsage,
                costUsd,
                unpricedModels,
                cachedCostUsd,
                CachedAnswers.NONE);
    }

    /**
     * A snapshot whose cached calls' cost is not known separately: nothing when there were none, else unknown (e.g. a
     * report written before the field existed).
     */
    public UsageSnapshot(
            long calls,
            long cachedCalls,
            long errors,
            Usage usage,
            Usage cachedUsage,
            OptionalDouble costUsd,
            List<String> unpricedModels) {
        this(
                calls,
                cachedCalls,
                errors,
                usage,
                cachedUsage,
                costUsd,
                unpricedModels,
                cachedCalls == 0 ? OptionalDouble.of(0) : OptionalDouble.empty());
    }

    public UsageSnapshot {
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(cachedUsage, "cachedUsage");
        Objects.requireNonNull(costUsd, "costUsd");
        unpricedModels = List.copyOf(unpricedModels);
        Objects.requireNonNull(cachedCostUsd, "cachedCostUsd");
        Objects.requireNonNull(cachedAnswers, "cachedAnswers");
        if (costUsd.isPresent() != unpricedModels.isEmpty()) {
            throw new IllegalArgumentException("a cost is known exactly when every billed model has a price");
        }
    }

    /** No calls at all, at a known cost of nothing. */
    public static final UsageSnapshot NONE =
            new UsageSnapshot(0, 0, 0, Usage.ZERO, Usage.ZERO, OptionalDouble.of(0), List.of());

    /** The usage of two ledgers together, e.g. the tuner's models and a run's target; the cost stays unknown if either is. */
    public UsageSnapshot plus(UsageSnapshot other) {
        List<String> unpriced = new java.util.ArrayList<>(unpricedModels);
        other.unpricedModels.stream().filter(model -> !unpriced.contains(model)).forEach(unpriced::add);
        OptionalDouble cost = costUsd.isPresent() && other.costUsd.isPresent()
                ? OptionalDouble.of(costUsd.getAsDouble() + other.costUsd.getAsDouble())
                : OptionalDouble.empty();
        return new UsageSnapshot(
                calls + other.calls,
                cachedCalls + other.cachedCalls,
                errors + other.errors,
                usage.plus(other.usage),
                cachedUsage.plus(other.cachedUsage),
                cost,
                unpriced,
                cachedCostUsd.isPresent() && other.cachedCostUsd.isPresent()
                        ? OptionalDouble.of(cachedCostUsd.getAsDouble() + other.cachedCostUsd.getAsDouble())
                        : OptionalDouble.empty(),
                cachedAnswers.plus(other.cachedAnswers));
    }

    /**
     * Every token the calls used, billed or served from the cache. Budgets count these, so that a tune stops at the
     * same point whether its replies come from the provider or from a recording of them.
     */
    public long consumedTokens() {
        return usage.totalTokens() + cachedUsage.totalTokens();
    }

    /** What every call cost or, if served from the cache, cost when recorded; empty when a price is missing. */
    public OptionalDouble consumedCostUsd() {
        return costUsd.isPresent() && cachedCostUsd.isPresent()
                ? OptionalDouble.of(costUsd.getAsDouble() + cachedCostUsd.getAsDouble())
                : OptionalDouble.empty();
    }

    /** The calls the provider served and billed: neither cached nor failed. */
    public long billedCalls() {
        return calls - cachedCalls - errors;
    }
}
