package dev.rpt.core.model.runtime;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.api.Usage;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Model prices in USD per million tokens, from {@code rpt.price.<model>=<input>,<output>[,<cached input>[,<cache write>[,<one-hour cache write>]]]} ({@link
 * RptConstants#PRICE_PREFIX}). rpt ships no prices of its own: they change too often to be right for long, and a
 * wrong cost is worse than an unknown one.
 */
@API(status = INTERNAL, since = "0.1")
public final class PriceTable {

    /** A table without prices: every cost is unknown. */
    public static final PriceTable EMPTY = new PriceTable(Map.of());

    private static final String FORMAT = "two to five non-negative numbers, USD per million input, output and"
            + " (optionally) cached input, cache-write and one-hour cache-write tokens, separated by commas, e.g."
            + " 0.40,1.60 or 0.40,1.60,0.10 or 3,15,0.30,3.75,6";

    private final Map<String, Price> prices;

    private PriceTable(Map<String, Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    /** A table over the given prices, keyed by model name. */
    public static PriceTable of(Map<String, Price> prices) {
        return new PriceTable(prices);
    }

    /**
     * Reads every {@code rpt.price.<model>} key.
     *
     * @throws dev.rpt.core.config.ConfigException naming the first malformed key
     */
    public static PriceTable from(RptConfig config) {
        Map<String, Price> prices = new TreeMap<>();
        config.withPrefix(RptConstants.PRICE_PREFIX)
                .forEach((model, value) ->
                        prices.put(model, parse(config.origin(RptConstants.PRICE_PREFIX + model), value)));
        return new PriceTable(prices);
    }

    /** The price of a model, if configured. */
    public Optional<Price> price(String model) {
        return Optional.ofNullable(prices.get(model));
    }

    private static Price parse(String key, String value) {
        String[] parts = value.split(",", -1);
        if (parts.length < 2 || parts.length > 5) {
            throw RptConfig.invalid(key, value, FORMAT);
        }
        try {
            double[] rates = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                rates[i] = Double.parseDouble(parts[i].strip());
                if (!(rates[i] >= 0) || Double.isInfinite(rates[i])) {
                    throw RptConfig.invalid(key, value, FORMAT);
                }
            }
            double input = rates[0];
            return new Price(
                    input,
                    rates[1],
                    parts.length > 2 ? rates[2] : input,
                    parts.length > 3 ? rates[3] : input * Price.CACHE_WRITE_FACTOR,
                    parts.length > 4 ? rates[4] : input * Price.LONG_CACHE_WRITE_FACTOR);
        } catch (NumberFormatException e) {
            throw RptConfig.invalid(key, value, FORMAT);
        }
    }

    /**
     * The price of one model.
     *
     * @param inputPerMillion USD per million prompt tokens
     * @param outputPerMillion USD per million completion tokens, reasoning tokens included
     * @param cachedInputPerMillion USD per million prompt tokens served from the provider's prompt cache
     * @param cacheWritePerMillion USD per million prompt tokens written to the prompt cache (Anthropic's five-minute
     *     cache; 1.25 times input unless given)
     * @param longCacheWritePerMillion USD per million prompt tokens written for the longer lifetime (Anthropic's one
     *     hour; 2 times input unless given)
     */
    public record Price(
            double inputPerMillion,
            double outputPerMillion,
            double cachedInputPerMillion,
            double cacheWritePerMillion,
            double longCacheWritePerMillion) {

        /** Anthropic's published multiplier of the input price for a five-minute cache write. */
        static final double CACHE_WRITE_FACTOR = 1.25;

        /** Anthropic's published multiplier of the input price for a one-hour cache write. */
        static final double LONG_CACHE_WRITE_FACTOR = 2.0;

        /** A price without a cached-input rate: cached input costs as much as other input. */
        public Price(double inputPerMillion, double outputPerMillion) {
            this(inputPerMillion, outputPerMillion, inputPerMillion);
        }

        /** A price whose cache writes cost Anthropic's multiples of input. */
        public Price(double inputPerMillion, double outputPerMillion, double cachedInputPerMillion) {
            this(
                    inputPerMillion,
                    outputPerMillion,
                    cachedInputPerMillion,
                    inputPerMillion * CACHE_WRITE_FACTOR,
                    inputPerMillion * LONG_CACHE_WRITE_FACTOR);
        }

        public Price {
            for (double rate : new double[] {
                inputPerMillion, outputPerMillion, cachedInputPerMillion, cacheWritePerMillion, longCacheWritePerMillion
            }) {
                if (!(rate >= 0) || Double.isInfinite(rate)) {
                    throw new IllegalArgumentException("prices must be finite and non-negative, got " + inputPerMillion
                            + ", " + outputPerMillion + ", " + cachedInputPerMillion + ", " + cacheWritePerMillion
                            + ", " + longCacheWritePerMillion);
                }
            }
        }

        /** What the given usage costs, in USD: cache reads and writes at their rates, other input at its own. */
        public double cost(Usage usage) {
            long cached = Math.min(usage.cachedPromptTokens(), usage.promptTokens());
            long writes = Math.min(usage.cacheWriteTokens(), usage.promptTokens() - cached);
            long longWrites = Math.min(usage.longCacheWriteTokens(), writes);
            return ((usage.promptTokens() - cached - writes) * inputPerMillion
                            + cached * cachedInputPerMillion
                            + (writes - longWrites) * cacheWritePerMillion
                            + longWrites * longCacheWritePerMillion
                            + usage.completionTokens() * outputPerMillion)
                    / 1_000_000.0;
        }
    }
}
