package dev.rpt.core.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rpt.api.Usage;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.EmbeddingModel;
import dev.rpt.core.model.ModelException;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Embeddings calls count toward the tune's calls, tokens and cost like chat calls. */
class MeteredEmbeddingModelTests {

    private final MockWebServer server = new MockWebServer();
    private UsageLedger ledger;
    private EmbeddingModel model;

    @BeforeEach
    void start() throws Exception {
        server.start();
        RptConfig config = RptConfig.of(Map.of(
                "rpt.provider", "openai",
                "rpt.model", "gpt-4.1-mini",
                "rpt.base-url", server.url("/v1/").toString(),
                "rpt.diagnose.embedding-model", "text-embedding-3-small",
                "rpt.price.text-embedding-3-small", "0.02,0",
                // Every call must reach the server here; CachingEmbeddingModelTests covers the cache.
                "rpt.cache", "off"));
        ledger = UsageLedger.from(config);
        model = ChatModels.embeddings(config, name -> "fake-embedding-key", ledger)
                .orElseThrow();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aReplyIsCountedWithItsTokensAndPriced() {
        server.enqueue(new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body("{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.5,1.0]}],"
                        + "\"model\":\"text-embedding-3-small\",\"usage\":{\"prompt_tokens\":500000,"
                        + "\"total_tokens\":500000}}")
                .build());

        assertThat(model.embed(List.of("off by one")).vectors()).hasSize(1);

        UsageSnapshot snapshot = ledger.snapshot();
        assertThat(snapshot.calls()).isEqualTo(1);
        assertThat(snapshot.errors()).isZero();
        assertThat(snapshot.usage()).isEqualTo(Usage.of(500_000, 0));
        // Half a million input tokens at $0.02 per million.
        assertThat(snapshot.costUsd().getAsDouble()).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void aFailureIsCountedAsAnError() {
        server.enqueue(new MockResponse.Builder()
                .code(400)
                .body("{\"error\":{\"message\":\"bad input\"}}")
                .build());

        assertThatThrownBy(() -> model.embed(List.of("a"))).isInstanceOf(ModelException.class);

        assertThat(ledger.snapshot().calls()).isEqualTo(1);
        assertThat(ledger.snapshot().errors()).isEqualTo(1);
    }

    @Test
    void noInputMeansNoCallAndNothingCounted() {
        assertThat(model.embed(List.of()).vectors()).isEmpty();
        assertThat(ledger.snapshot().calls()).isZero();
        assertThat(server.getRequestCount()).isZero();
    }
}
