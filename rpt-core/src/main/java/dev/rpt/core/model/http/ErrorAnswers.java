package dev.rpt.core.model.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.model.ModelException;
import dev.rpt.core.model.ServerErrorException;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Headers;
import org.apiguardian.api.API;

/**
 * What both providers do with an error answer besides mapping its status: quote the request id, which the
 * provider's support asks for, and obey {@code x-should-retry}, which both official SDKs obey over their own
 * judgement (a recorded Anthropic 429 carries only that header).
 */
@API(status = INTERNAL, since = "0.1")
public final class ErrorAnswers {

    private ErrorAnswers() {}

    /**
     * The request id of an answer, from the first of {@code headerNames} present (OpenAI: {@code x-request-id};
     * Anthropic: {@code request-id}).
     */
    public static Optional<String> requestId(Headers headers, String... headerNames) {
        for (String name : headerNames) {
            String value = headers.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }

    /** {@code " (request id req_123)"}, or nothing when there is none; for the end of an error message. */
    public static String quote(Optional<String> requestId) {
        return requestId.map(id -> " (request id " + id + ")").orElse("");
    }

    /** {@code x-should-retry: true|false}, when the server sent it. */
    public static Optional<Boolean> shouldRetry(Headers headers) {
        String value = headers.get("x-should-retry");
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /**
     * The mapped failure, with the server's {@code x-should-retry} winning: a failure rpt would not retry becomes a
     * retryable {@link ServerErrorException} when the server says to retry, and a retryable one a final one when it
     * says not to. Without the header the mapping stands.
     */
    public static ModelException obeyShouldRetry(ModelException mapped, int status, Headers headers) {
        Optional<Boolean> retry = shouldRetry(headers);
        if (retry.isEmpty() || retry.get() == mapped.retryable()) {
            return mapped;
        }
        String why = retry.get()
                ? " The server asked for a retry (x-should-retry: true)."
                : " The server said a retry will not help (x-should-retry: false).";
        return new ServerErrorException(
                status, mapped.getMessage() + why, mapped.retryAfter().orElse(null), retry.get());
    }
}
