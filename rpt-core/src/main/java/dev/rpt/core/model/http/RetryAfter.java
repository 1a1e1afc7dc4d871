package dev.rpt.core.model.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Headers;
import org.apiguardian.api.API;

/** Reads how long a provider asked us to wait: {@code retry-after-ms}, then {@code retry-after}. */
@API(status = INTERNAL, since = "0.1")
public final class RetryAfter {

    private RetryAfter() {}

    /**
     * The requested delay, or null when the headers give none or an unreadable one.
     *
     * @param headers the response headers
     * @param now the current time, for the HTTP-date form of {@code retry-after}
     */
    public static Duration from(Headers headers, Instant now) {
        String millis = headers.get("retry-after-ms");
        if (millis != null) {
            try {
                return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(millis.strip())));
            } catch (NumberFormatException ignored) {
                // Fall through to retry-after.
            }
        }
        String value = headers.get("retry-after");
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(value.strip()) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration delay = Duration.between(now, at);
                return delay.isNegative() ? Duration.ZERO : delay;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
