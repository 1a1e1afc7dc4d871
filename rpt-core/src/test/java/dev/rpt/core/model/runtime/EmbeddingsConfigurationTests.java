package dev.rpt.core.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddingsConfigurationTests {

    @Test
    void noEmbeddingModelMeansGroupingByTheCritic() {
        RptConfig config = RptConfig.of(Map.of("rpt.provider", "openai", "rpt.model", "gpt-4.1-mini"));

        assertThat(ChatModels.embeddings(config, name -> "fake-test", new UsageLedger(PriceTable.EMPTY)))
                .isEmpty();
    }

    @Test
    void anOpenAiCompatibleCriticServesTheEmbeddingModel() {
        RptConfig config = RptConfig.of(Map.of(
                "rpt.provider", "openai",
                "rpt.model", "gpt-4.1-mini",
                "rpt.diagnose.embedding-model", "text-embedding-3-small"));

        assertThat(ChatModels.embeddings(config, name -> "fake-test", new UsageLedger(PriceTable.EMPTY)))
                .get()
                .satisfies(model -> assertThat(model.info().model()).isEqualTo("text-embedding-3-small"));
    }

    @Test
    void aProviderWithoutEmbeddingsIsOneClearError() {
        RptConfig config = RptConfig.of(Map.of(
                "rpt.provider", "anthropic",
                "rpt.model", "claude-sonnet-4-5",
                "rpt.diagnose.embedding-model", "text-embedding-3-small"));

        assertThatThrownBy(() -> ChatModels.embeddings(config, name -> "fake-test", new UsageLedger(PriceTable.EMPTY)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.diagnose.embedding-model=text-embedding-3-small")
                .hasMessageContaining("anthropic");
    }
}
