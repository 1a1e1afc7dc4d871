package dev.rpt.core.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryPolicyTests {

    @Test
    void defaultsWhenNothingIsConfigured() {
        RetryPolicy policy = RetryPolicy.from(RptConfig.of(Map.of()));

        assertThat(policy).isEqualTo(RetryPolicy.defaults());
        assertThat(policy.maxAttempts()).isEqualTo(5);
        assertThat(policy.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.multiplier()).isEqualTo(2.0);
        assertThat(policy.maxTotalWait()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void readsTheRetryKeys() {
        RetryPolicy policy = RetryPolicy.from(RptConfig.of(Map.of(
                "rpt.retry.max-attempts", "3",
                "rpt.retry.initial-backoff", "250ms",
                "rpt.retry.max-wait", "PT30S")));

        assertThat(policy.maxAttempts()).isEqualTo(3);
        assertThat(policy.initialBackoff()).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.maxTotalWait()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aFirstBackoffAboveTheSingleWaitCapRaisesTheCap() {
        RetryPolicy policy = RetryPolicy.from(RptConfig.of(Map.of("rpt.retry.initial-backoff", "45s")));

        assertThat(policy.backoff(1, 0)).isEqualTo(Duration.ofSeconds(45));
        assertThat(policy.backoff(3, 0)).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void anInvalidMaxAttemptsNamesTheKeyAndTheRange() {
        assertThatThrownBy(() -> RetryPolicy.from(RptConfig.of(Map.of("rpt.retry.max-attempts", "0"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.retry.max-attempts")
                .hasMessageContaining("'0'")
                .hasMessageContaining("between 1 and 100");
    }

    @Test
    void anInvalidDurationNamesTheKey() {
        assertThatThrownBy(() -> RetryPolicy.from(RptConfig.of(Map.of("rpt.retry.max-wait", "forever"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.retry.max-wait")
                .hasMessageContaining("'forever'");
    }

    @Test
    void backoffGrowsByTheMultiplierAndJitterOnlyShortensIt() {
        RetryPolicy policy =
                new RetryPolicy(10, Duration.ofMillis(100), 3.0, Duration.ofSeconds(1), 0.5, Duration.ofMinutes(1));

        assertThat(policy.backoff(1, 0)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(2, 0)).isEqualTo(Duration.ofMillis(300));
        assertThat(policy.backoff(3, 0)).isEqualTo(Duration.ofMillis(900));
        assertThat(policy.backoff(4, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(2, 0.999_999)).isEqualTo(Duration.ofMillis(150));
        assertThat(policy.backoff(60, 0)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void rejectsNonsense() {
        Duration s = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new RetryPolicy(0, s, 2, s, 0.2, s)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(1, s, 0.5, s, 0.2, s)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new RetryPolicy(1, s, 2, s, 1.5, s)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> new RetryPolicy(1, s.negated(), 2, s, 0.2, s)).hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> RetryPolicy.defaults().backoff(0, 0)).hasMessageContaining("retry");
    }
}
