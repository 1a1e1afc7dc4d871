package dev.rpt.core.model.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RetryAfterTests {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static Duration retryAfter(String... namesAndValues) {
        Headers.Builder headers = new Headers.Builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return RetryAfter.from(headers.build(), NOW);
    }

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

    @Test
    void readsSeconds() {
        assertThat(retryAfter("retry-after", "5")).isEqualTo(Duration.ofSeconds(5));
        assertThat(retryAfter("Retry-After", " 1.5 ")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void prefersMilliseconds() {
        assertThat(retryAfter("retry-after-ms", "250", "retry-after", "5")).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void unreadableMillisecondsFallBackToSeconds() {
        assertThat(retryAfter("retry-after-ms", "soon", "retry-after", "2")).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void readsAnHttpDate() {
        assertThat(retryAfter("retry-after", httpDate(NOW.plusSeconds(30)))).isEqualTo(Duration.ofSeconds(30));
        assertThat(retryAfter("retry-after", httpDate(NOW.minusSeconds(30)))).isEqualTo(Duration.ZERO);
    }

    @Test
    void negativeValuesMeanNow() {
        assertThat(retryAfter("retry-after", "-3")).isEqualTo(Duration.ZERO);
    }

    @Test
    void garbageOrNothingGivesNull() {
        assertThat(retryAfter("retry-after", "whenever")).isNull();
        assertThat(retryAfter()).isNull();
        assertThat(retryAfter("retry-after-ms", "x")).isNull();
    }
}
