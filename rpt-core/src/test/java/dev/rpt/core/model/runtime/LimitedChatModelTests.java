package dev.rpt.core.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ServerErrorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LimitedChatModelTests {

    private static final ChatRequest REQUEST = ChatRequest.builder().user("hi").build();
    private static final ChatResponse OK = ScriptedChatModel.reply("ok", 3, 1);

    @Test
    @Timeout(30)
    void atMostTheLimitOfCallsAreInFlight() throws Exception {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(3);
        CountDownLatch release = new CountDownLatch(1);
        Semaphore entered = new Semaphore(0);
        AtomicInteger current = new AtomicInteger();
        AtomicInteger highest = new AtomicInteger();
        ScriptedChatModel model = new ScriptedChatModel().otherwise(request -> {
            highest.accumulateAndGet(current.incrementAndGet(), Math::max);
            entered.release();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            current.decrementAndGet();
            return OK;
        });
        ChatModel limited = new LimitedChatModel(model, limiter);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<ChatResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(pool.submit(() -> limited.chat(REQUEST)));
            }

            entered.acquire(3);
            while (limiter.waiting() < 17) {
                Thread.onSpinWait();
            }
            // Three calls hold their permits and block; the other seventeen queue for one.
            assertThat(current.get()).isEqualTo(3);
            assertThat(limiter.inFlight()).isEqualTo(3);
            assertThat(entered.availablePermits()).isZero();

            release.countDown();
            for (Future<ChatResponse> call : calls) {
                assertThat(call.get()).isSameAs(OK);
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(highest.get()).isEqualTo(3);
        assertThat(model.calls()).isEqualTo(20);
        assertThat(limiter.inFlight()).isZero();
    }

    @Test
    void thePermitIsHeldWhileWaitingToRetry() {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(2);
        List<Integer> inFlightWhileSleeping = new ArrayList<>();
        ScriptedChatModel model = new ScriptedChatModel()
                .thenFail(new ServerErrorException(503, "overloaded", null))
                .thenReply(OK);
        ChatModel retrying = new RetryingChatModel(
                model,
                RetryPolicy.defaults(),
                duration -> inFlightWhileSleeping.add(limiter.inFlight()),
                new FakeTime(),
                new FixedRandom(0));

        new LimitedChatModel(retrying, limiter).chat(REQUEST);

        assertThat(inFlightWhileSleeping).containsExactly(1);
        assertThat(limiter.inFlight()).isZero();
    }

    @Test
    void thePermitIsReleasedWhenTheCallFails() {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(1);
        ServerErrorException error = new ServerErrorException(500, "boom", null);
        ScriptedChatModel model = new ScriptedChatModel().thenFail(error).thenReply(OK);
        ChatModel limited = new LimitedChatModel(model, limiter);

        assertThatThrownBy(() -> limited.chat(REQUEST)).isSameAs(error);

        assertThat(limiter.inFlight()).isZero();
        assertThat(limited.chat(REQUEST)).isSameAs(OK);
    }

    @Test
    void anInterruptWhileWaitingForAPermitCancelsTheCallAndKeepsTheFlag() throws Exception {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(1);
        ScriptedChatModel model = new ScriptedChatModel().otherwise(request -> OK);
        ChatModel limited = new LimitedChatModel(model, limiter);

        ConcurrencyLimiter.Permit held = limiter.acquire();
        try {
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> limited.chat(REQUEST))
                    .isInstanceOf(CancellationException.class)
                    .hasMessageContaining("no request sent")
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.interrupted()).isTrue();
        } finally {
            Thread.interrupted();
            held.close();
        }
        assertThat(model.calls()).isZero();
        assertThat(limiter.inFlight()).isZero();
    }

    @Test
    void readsTheLimitFromConfiguration() {
        assertThat(ConcurrencyLimiter.from(RptConfig.of(Map.of())).limit()).isEqualTo(8);
        assertThat(ConcurrencyLimiter.from(RptConfig.of(Map.of("rpt.concurrency", "1024")))
                        .limit())
                .isEqualTo(1024);
        for (String bad : List.of("0", "1025", "eight")) {
            assertThatThrownBy(() -> ConcurrencyLimiter.from(RptConfig.of(Map.of("rpt.concurrency", bad))))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("rpt.concurrency")
                    .hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("an integer between 1 and 1024");
        }
    }

    @Test
    void closingAPermitTwiceReleasesItOnce() throws Exception {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(2);
        ConcurrencyLimiter.Permit permit = limiter.acquire();
        ConcurrencyLimiter.Permit other = limiter.acquire();

        permit.close();
        permit.close();

        assertThat(limiter.inFlight()).isEqualTo(1);
        other.close();
        assertThat(limiter.inFlight()).isZero();
    }
}
