package dev.rpt.core.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rpt.api.Usage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.ServerErrorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UsageLedgerTests {

    private static final ModelInfo MINI = new ModelInfo("openai", "gpt-4.1-mini", false);
    private static final ModelInfo UNPRICED = new ModelInfo("openai", "gpt-5", false);
    private static final ModelInfo SIM = new ModelInfo("sim", "sim", true);
    private static final PriceTable PRICES = PriceTable.of(Map.of("gpt-4.1-mini", new PriceTable.Price(0.40, 1.60)));

    private final UsageLedger ledger = new UsageLedger(PRICES);

    @Test
    void anEmptyLedgerCostsNothing() {
        UsageSnapshot snapshot = ledger.snapshot();

        assertThat(snapshot.calls()).isZero();
        assertThat(snapshot.usage()).isEqualTo(Usage.ZERO);
        assertThat(snapshot.costUsd()).isEqualTo(OptionalDouble.of(0));
    }

    @Test
    void countsTokensAndCostOfPricedCalls() {
        ledger.recordResponse(MINI, ScriptedChatModel.reply("a", 1_000_000, 0));
        ledger.recordResponse(MINI, ScriptedChatModel.reply("b", 0, 500_000));

        UsageSnapshot snapshot = ledger.snapshot();

        assertThat(snapshot.calls()).isEqualTo(2);
        assertThat(snapshot.billedCalls()).isEqualTo(2);
        assertThat(snapshot.usage()).isEqualTo(new Usage(1_000_000, 500_000, 1_500_000));
        assertThat(snapshot.costUsd().getAsDouble()).isCloseTo(1.20, within(1e-9));
        assertThat(snapshot.unpricedModels()).isEmpty();
    }

    @Test
    void oneBilledCallWithoutAPriceMakesTheCostUnknown() {
        ledger.recordResponse(MINI, ScriptedChatModel.reply("a", 100, 10));
        ledger.recordResponse(UNPRICED, ScriptedChatModel.reply("b", 100, 10));

        UsageSnapshot snapshot = ledger.snapshot();

        assertThat(snapshot.costUsd()).isEmpty();
        assertThat(snapshot.unpricedModels()).containsExactly("gpt-5");
        assertThat(snapshot.usage()).isEqualTo(new Usage(200, 20, 220));
    }

    @Test
    void cachedCallsAreFreeAndCountedApart() {
        ledger.recordResponse(MINI, ScriptedChatModel.reply("a", 1_000_000, 0));
        ledger.recordResponse(UNPRICED, ScriptedChatModel.reply("b", 300, 20).asCached());

        UsageSnapshot snapshot = ledger.snapshot();

        assertThat(snapshot.calls()).isEqualTo(2);
        assertThat(snapshot.cachedCalls()).isEqualTo(1);
        assertThat(snapshot.billedCalls()).isEqualTo(1);
        assertThat(snapshot.usage()).isEqualTo(Usage.of(1_000_000, 0));
        assertThat(snapshot.cachedUsage()).isEqualTo(Usage.of(300, 20));
        assertThat(snapshot.costUsd().getAsDouble()).isCloseTo(0.40, within(1e-9));
    }

    @Test
    void budgetsCountCachedCallsAtWhatTheyCostWhenRecorded() {
        ledger.recordResponse(MINI, ScriptedChatModel.reply("a", 1_000_000, 0));
        ledger.recordResponse(MINI, ScriptedChatModel.reply("b", 0, 1_000_000).asCached());

        UsageSnapshot snapshot = ledger.snapshot();

        assertThat(snapshot.costUsd().getAsDouble()).isCloseTo(0.40, within(1e-9));
        assertThat(snapshot.cachedCostUsd().getAsDouble()).isCloseTo(1.60, within(1e-9));
        assertThat(snapshot.consumedCostUsd().getAsDouble()).isCloseTo(2.00, within(1e-9));
        assertThat(snapshot.consumedTokens()).isEqualTo(2_000_000);

        ledger.recordResponse(UNPRICED, ScriptedChatModel.reply("c", 10, 1).asCached());
        assertThat(ledger.snapshot().cachedCostUsd()).isEmpty();
        assertThat(ledger.snapshot().consumedCostUsd()).isEmpty();
        assertThat(ledger.snapshot().costUsd()).isPresent();
    }

    @Test
    void theSimulatorIsFreeWithoutAPrice() {
        ledger.recordResponse(SIM, ScriptedChatModel.reply("a", 100, 10));

        assertThat(ledger.snapshot().costUsd()).isEqualTo(OptionalDouble.of(0));
        assertThat(ledger.snapshot().usage()).isEqualTo(Usage.of(100, 10));
    }

    @Test
    void failuresAreCountedAsErrorsWithoutTokens() {
        ledger.recordFailure(UNPRICED);

        UsageSnapshot snapshot = ledger.snapshot();

        assertThat(snapshot.calls()).isEqualTo(1);
        assertThat(snapshot.errors()).isEqualTo(1);
        assertThat(snapshot.billedCalls()).isZero();
        assertThat(snapshot.costUsd()).isEqualTo(OptionalDouble.of(0));
    }

    @Test
    void isExactUnderConcurrentRecording() throws Exception {
        int threads = 8;
        int perThread = 1000;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        ledger.recordResponse(MINI, ScriptedChatModel.reply("a", 3, 2));
                        ledger.recordResponse(
                                MINI, ScriptedChatModel.reply("a", 3, 2).asCached());
                        ledger.recordFailure(MINI);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        UsageSnapshot snapshot = ledger.snapshot();
        long n = (long) threads * perThread;
        assertThat(snapshot.calls()).isEqualTo(3 * n);
        assertThat(snapshot.cachedCalls()).isEqualTo(n);
        assertThat(snapshot.errors()).isEqualTo(n);
        assertThat(snapshot.usage()).isEqualTo(Usage.of(3 * n, 2 * n));
        assertThat(snapshot.cachedUsage()).isEqualTo(Usage.of(3 * n, 2 * n));
    }

    @Test
    void theMeteredModelRecordsRepliesAndFailures() {
        ServerErrorException error = new ServerErrorException(500, "boom", null);
        ChatResponse reply = ScriptedChatModel.reply("ok", 7, 3);
        ScriptedChatModel model = new ScriptedChatModel(MINI).thenReply(reply).thenFail(error);
        MeteredChatModel metered = new MeteredChatModel(model, ledger);
        ChatRequest request = ChatRequest.builder().user("hi").build();

        assertThat(metered.chat(request)).isSameAs(reply);
        assertThatThrownBy(() -> metered.chat(request)).isSameAs(error);

        UsageSnapshot snapshot = ledger.snapshot();
        assertThat(snapshot.calls()).isEqualTo(2);
        assertThat(snapshot.errors()).isEqualTo(1);
        assertThat(snapshot.usage()).isEqualTo(Usage.of(7, 3));
    }

    @Test
    void aSnapshotCannotClaimACostWhileModelsLackPrices() {
        assertThatThrownBy(() ->
                        new UsageSnapshot(1, 0, 0, Usage.ZERO, Usage.ZERO, OptionalDouble.of(1), List.of("gpt-5")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
