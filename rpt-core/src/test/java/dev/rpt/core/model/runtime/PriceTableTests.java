package dev.rpt.core.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rpt.api.Usage;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceTableTests {

    @Test
    void readsPricesByModelNameIncludingDots() {
        PriceTable prices = PriceTable.from(RptConfig.of(Map.of(
                "rpt.price.gpt-4.1-mini", "0.40,1.60",
                "rpt.price.claude-sonnet-4-5", " 3 , 15 ",
                "rpt.model", "gpt-4.1-mini")));

        assertThat(prices.price("gpt-4.1-mini")).contains(new PriceTable.Price(0.40, 1.60));
        assertThat(prices.price("claude-sonnet-4-5")).contains(new PriceTable.Price(3, 15));
        assertThat(prices.price("gpt-4.1")).isEmpty();
    }

    @Test
    void aPriceIsPerMillionTokens() {
        PriceTable.Price price = new PriceTable.Price(0.40, 1.60);

        assertThat(price.cost(Usage.of(1_000_000, 500_000))).isCloseTo(1.20, within(1e-12));
        assertThat(price.cost(Usage.of(2_500, 0))).isCloseTo(0.001, within(1e-12));
    }

    @Test
    void aMalformedPriceNamesItsKeyAndTheFormat() {
        for (String bad : List.of(
                "0.40", "0.40;1.60", "a,b", "-1,2", "1,2,3,4,5,6", "1,2,-3", "1,2,3,-4", "0.40,", "Infinity,1")) {
            assertThatThrownBy(() -> PriceTable.from(RptConfig.of(Map.of("rpt.price.gpt-x", bad))))
                    .as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("rpt.price.gpt-x")
                    .hasMessageContaining("'" + bad.strip() + "'")
                    .hasMessageContaining("e.g. 0.40,1.60");
        }
    }

    @Test
    void cachedInputHasItsOwnPriceOrTheInputPrice() {
        PriceTable table = PriceTable.from(RptConfig.of(Map.of(
                "rpt.price.with-cache", "2,8,0.5",
                "rpt.price.without", "2,8")));
        // 1,000,000 input tokens, 400,000 of them from the prompt cache; 100,000 output tokens (reasoning included).
        Usage usage = new Usage(1_000_000, 100_000, 1_100_000, 400_000, 30_000);

        assertThat(table.price("with-cache").orElseThrow().cost(usage)).isCloseTo(1.2 + 0.2 + 0.8, within(1e-9));
        assertThat(table.price("without").orElseThrow().cost(usage)).isCloseTo(2.0 + 0.8, within(1e-9));
    }

    @Test
    void cacheWritesCostTheirOwnRatesOrAnthropicsMultiplesOfInput() {
        // Anthropic's usage for one call: 200,000 plain input, 300,000 read from the cache, 500,000 written, 100,000 of
        // those for one hour; 100,000 output. At $3 input, $15 output, $0.30 reads and the default writes ($3.75 for
        // five minutes, 1.25 times input; $6 for one hour, 2 times): 0.6 + 0.09 + 400,000 x 3.75 + 100,000 x 6 + 1.5 =
        // 0.6 + 0.09 + 1.5 + 0.6 + 1.5 = 4.29. With writes at $4 and $7 given: 0.6 + 0.09 + 1.6 + 0.7 + 1.5 = 4.49.
        PriceTable table = PriceTable.from(RptConfig.of(Map.of(
                "rpt.price.claude-default", "3,15,0.30",
                "rpt.price.claude-given", "3,15,0.30,4,7")));
        Usage usage = Usage.of(1_000_000, 100_000).withDetails(300_000, 0).withCacheWrites(500_000, 100_000);

        assertThat(table.price("claude-default").orElseThrow().cost(usage)).isCloseTo(4.29, within(1e-9));
        assertThat(table.price("claude-given").orElseThrow().cost(usage)).isCloseTo(4.49, within(1e-9));
    }
}
