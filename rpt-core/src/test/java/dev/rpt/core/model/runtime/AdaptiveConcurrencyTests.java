package dev.rpt.core.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code rpt.concurrency=auto}: additive increase on success, one multiplicative cut per round of throttling. */
class AdaptiveConcurrencyTests {

    @Test
    void successesRaiseTheLimitByOnePerLimitsWorthAndNeverPastTheBound() throws Exception {
        ConcurrencyLimiter limiter = ConcurrencyLimiter.adaptive(4, 6);

        for (int i = 0; i < 5; i++) {
            succeed(limiter);
        }
        // 4 + 1/4 + 1/4.25 + ... : the fifth success at about limit 4 crosses 5.
        assertThat(limiter.currentLimit()).isEqualTo(5);
        for (int i = 0; i < 100; i++) {
            succeed(limiter);
        }
        assertThat(limiter.currentLimit()).isEqualTo(6);
        assertThat(limiter.limit()).as("the pool is sized for the bound").isEqualTo(6);
    }

    @Test
    void aThrottleCutsOncePerRoundAndAFailedCallDoesNotRaise() throws Exception {
        ConcurrencyLimiter limiter = ConcurrencyLimiter.adaptive(16, 64);
        ConcurrencyLimiter.Permit first = limiter.acquire();
        limiter.throttled();
        first.close();
        assertThat(limiter.currentLimit()).isEqualTo(12);

        // A call that started after that cut is throttled twice: its first throttle cuts, the second is the same
        // overload and does not.
        ConcurrencyLimiter.Permit a = limiter.acquire();
        limiter.throttled();
        limiter.throttled();
        a.close();
        assertThat(limiter.currentLimit()).isEqualTo(9);
        assertThat(limiter.throttleSummary()).isEqualTo("3 throttled attempts, 2 cuts");

        for (int i = 0; i < 10; i++) {
            ConcurrencyLimiter.Permit permit = limiter.acquire();
            limiter.throttled();
            permit.close();
        }
        assertThat(limiter.currentLimit()).as("never below one").isEqualTo(1);
    }

    @Test
    void aFixedLimitNeverMoves() throws Exception {
        ConcurrencyLimiter fixed = new ConcurrencyLimiter(8);
        ConcurrencyLimiter.Permit permit = fixed.acquire();
        fixed.throttled();
        permit.close();
        succeed(fixed);
        assertThat(fixed.currentLimit()).isEqualTo(8);
        assertThat(fixed.adaptive()).isFalse();
    }

    @Test
    void autoSharesOneLimitPerEndpoint() {
        RptConfig a = RptConfig.of(
                Map.of("rpt.provider", "openai", "rpt.base-url", "http://a.example/v1", "rpt.concurrency", "auto"));
        RptConfig sameEndpoint = RptConfig.of(Map.of(
                "rpt.provider", "openai",
                "rpt.base-url", "http://a.example/v1",
                "rpt.concurrency", "AUTO",
                "rpt.model", "another-model"));
        RptConfig b = RptConfig.of(
                Map.of("rpt.provider", "openai", "rpt.base-url", "http://b.example/v1", "rpt.concurrency", "auto"));

        assertThat(ConcurrencyLimiter.from(a)).isSameAs(ConcurrencyLimiter.from(sameEndpoint));
        assertThat(ConcurrencyLimiter.from(a)).isNotSameAs(ConcurrencyLimiter.from(b));
        assertThat(ConcurrencyLimiter.from(a).adaptive()).isTrue();
        assertThat(ConcurrencyLimiter.from(a).limit()).isEqualTo(64);
        assertThat(ConcurrencyLimiter.from(a).currentLimit()).isEqualTo(8);
        assertThatThrownBy(() -> ConcurrencyLimiter.from(RptConfig.of(Map.of("rpt.concurrency", "many"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.concurrency")
                .hasMessageContaining("rpt.concurrency=auto");
    }

    @Test
    void theRetryingModelReportsEachThrottledAttemptToTheLimit() {
        assertThat(RetryingChatModel.throttled(new dev.rpt.core.model.ServerErrorException(529, "overloaded", null)))
                .isTrue();
        assertThat(RetryingChatModel.throttled(new dev.rpt.core.model.ServerErrorException(500, "oops", null)))
                .isFalse();
    }

    private static void succeed(ConcurrencyLimiter limiter) throws InterruptedException {
        try (ConcurrencyLimiter.Permit permit = limiter.acquire()) {
            permit.succeeded();
        }
    }
}
