package dev.rpt.core.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rpt.api.Usage;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.EmbeddingModel;
import dev.rpt.core.model.Embeddings;
import dev.rpt.core.model.ModelException;
import dev.rpt.core.model.ReplayMissException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Embeddings are cached like chat replies, so a tune whose diagnosis grouped labels by embeddings replays offline: a
 * hit makes no call and counts as a cached call at its recorded tokens and price, a replay miss names the fix, and a
 * failed call stores nothing.
 */
class CachingEmbeddingModelTests {

    private static final String REPLY = "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,"
            + "\"embedding\":[0.25,-1.5]},{\"object\":\"embedding\",\"index\":1,\"embedding\":[1.0,0.0]}],"
            + "\"model\":\"text-embedding-3-small\",\"usage\":{\"prompt_tokens\":1000000,\"total_tokens\":1000000}}";

    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path cacheDir;

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRecordedReplyIsServedFromTheCacheAtItsRecordedTokensAndPrice() {
        server.enqueue(json(REPLY));
        UsageLedger recording = new UsageLedger(PriceTable.EMPTY);
        List<String> labels = List.of("off by one", "skipped final step");
        Embeddings recorded = model("read-write", recording).embed(labels);

        UsageLedger replaying = UsageLedger.from(config("replay-only"));
        Embeddings replayed = model("replay-only", replaying).embed(labels);

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(replayed.cached()).isTrue();
        assertThat(replayed.vectors()).hasSize(2);
        assertThat(replayed.vectors().get(0)).containsExactly(recorded.vectors().get(0));
        assertThat(replayed.vectors().get(1)).containsExactly(1.0, 0.0);
        UsageSnapshot usage = replaying.snapshot();
        assertThat(usage.calls()).isEqualTo(1);
        assertThat(usage.cachedCalls()).isEqualTo(1);
        assertThat(usage.usage()).isEqualTo(Usage.ZERO);
        assertThat(usage.cachedUsage()).isEqualTo(Usage.of(1_000_000, 0));
        assertThat(usage.costUsd()).hasValue(0.0);
        // A million input tokens at $0.02 per million: what the recording cost, which budgets count.
        assertThat(usage.cachedCostUsd().getAsDouble()).isCloseTo(0.02, within(1e-12));
        assertThat(usage.consumedTokens()).isEqualTo(1_000_000);
    }

    @Test
    void aReplayMissNamesTheCacheAndHowToRecord() {
        EmbeddingModel replay = model("replay-only", new UsageLedger(PriceTable.EMPTY));

        assertThatThrownBy(() -> replay.embed(List.of("never recorded")))
                .isInstanceOf(ReplayMissException.class)
                .hasMessageContaining(cacheDir.toString())
                .hasMessageContaining("rpt.cache=read-write");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void otherTextsAreAnotherEntry() {
        server.enqueue(json(REPLY));
        server.enqueue(json(REPLY));
        EmbeddingModel model = model("read-write", new UsageLedger(PriceTable.EMPTY));

        model.embed(List.of("a", "b"));
        model.embed(List.of("b", "a"));

        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aFailedCallStoresNothing() {
        server.enqueue(new MockResponse.Builder()
                .code(400)
                .addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"bad input\",\"type\":\"invalid_request_error\"}}")
                .build());
        server.enqueue(json(REPLY));
        EmbeddingModel model = model("read-write", new UsageLedger(PriceTable.EMPTY));

        assertThatThrownBy(() -> model.embed(List.of("x", "y"))).isInstanceOf(ModelException.class);
        Embeddings retried = model.embed(List.of("x", "y"));

        assertThat(retried.cached()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    private EmbeddingModel model(String cacheMode, UsageLedger ledger) {
        return ChatModels.embeddings(config(cacheMode), name -> null, ledger).orElseThrow();
    }

    private RptConfig config(String cacheMode) {
        return RptConfig.of(Map.of(
                "rpt.provider", "openai",
                "rpt.model", "gpt-4.1-mini",
                "rpt.base-url", server.url("/v1/").toString(),
                "rpt.api-key-env", "none",
                "rpt.diagnose.embedding-model", "text-embedding-3-small",
                "rpt.price.text-embedding-3-small", "0.02,0",
                "rpt.cache", cacheMode,
                "rpt.cache.dir", cacheDir.toString()));
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }
}
