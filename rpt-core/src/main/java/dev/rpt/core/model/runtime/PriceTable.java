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
 * Model prices in USD per million tokens, from {@code rpt.price.<model>=<input>,<output>[,<cached input>]} ({@link
 * RptConstants#PRICE_PREFIX}). rpt ships no prices of its own: they change too often to be right for long, and a
 * wrong cost is worse than an unknown one.
 */
@API(status = INTERNAL, since = "0.1")
public final class PriceTable {

    /** A table without prices: every cost is unknown. */
    public static final PriceTable EMPTY = new PriceTable(Map.of());

    private static final String FORMAT = "two or three non-negative numbers, USD per million input, output and"
            + " (optionally) cached input tokens, separated by commas, e.g. 0.40,1.60 or 0.40,1.60,0.10";

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
                .forEach((model, value) -> prices.put(model, parse(RptConstants.PRICE_PREFIX + model, value)));
        return new PriceTable(prices);
    }

    /** The price of a model, if configured. */
    public Optional<Price> price(String model) {
        return Optional.ofNullable(prices.get(model));
    }

    private static Price parse(String key, String value) {
        String[] parts = value.split(",", -1);
        if (parts.length != 2 && parts.length != 3) {
            throw RptConfig.invalid(key, value, FORMAT);
        }
        try {
            double input = Double.parseDouble(parts[0].strip());
            double output = Double.parseDouble(parts[1].strip());
            double cachedInput = parts.length == 3 ? Double.parseDouble(parts[2].strip()) : input;
            if (!(input >= 0 && output >= 0 && cachedInput >= 0)
                    || Double.isInfinite(input)
                    || Double.isInfinite(output)
                    || Double.isInfinite(cachedInput)) {
                throw RptConfig.invalid(key, value, FORMAT);
            }
            return new Price(input, output, cachedInput);
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
     */
    public record Price(double inputPerMillion, double outputPerMillion, double cachedInputPerMillion) {

        /** A price without a cached-input rate: cached input costs as much as other input. */
        public Price(double inputPerMillion, double outputPerMillion) {
            this(inputPerMillion, outputPerMillion, inputPerMillion);
        }

        public Price {
            if (!(inputPerMillion >= 0 && outputPerMillion >= 0 && cachedInputPerMillion >= 0)
                    || Double.isInfinite(inputPerMillion)
                    || Double.isInfinite(outputPerMillion)
                    || Double.isInfinite(cachedInputPerMillion)) {
                throw new IllegalArgumentException("prices must be finite and non-negative, got " + inputPerMillion
                        + ", " + outputPerMillion + ", " + cachedInputPerMillion);
            }
        }

        /** What the given usage costs, in USD. */
        public double cost(Usage usage) {
            long cached = Math.min(usage.cachedPromptTokens(), usage.promptTokens());
            return ((usage.promptTokens() - cached) * inputPerMillion
                            + cached * cachedInputPerMillion
                            + usage.completionTokens() * outputPerMillion)
                    / 1_000_000.0;
        }
    }
}
