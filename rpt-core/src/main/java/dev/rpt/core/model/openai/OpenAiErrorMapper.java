package dev.rpt.core.model.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.core.model.AuthenticationException;
import dev.rpt.core.model.BadRequestException;
import dev.rpt.core.model.Excerpt;
import dev.rpt.core.model.ModelException;
import dev.rpt.core.model.ModelTimeoutException;
import dev.rpt.core.model.QuotaExceededException;
import dev.rpt.core.model.RateLimitedException;
import dev.rpt.core.model.ServerErrorException;
import dev.rpt.core.model.http.ErrorAnswers;
import dev.rpt.core.model.http.RetryAfter;
import dev.rpt.core.model.http.SettingHints;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Headers;

/**
 * Turns an HTTP error answer into the typed exception that says whether retrying can help. Reads the OpenAI error
 * body {@code {"error": {"message", "type", "param", "code"}}}, where {@code code} may be a string or (llama.cpp) an
 * integer, and falls back to an excerpt of the raw body for servers that answer otherwise.
 */
final class OpenAiErrorMapper {

    private static final String INSUFFICIENT_QUOTA = "insufficient_quota";

    private final String keyHint;
    private final Clock clock;

    /**
     * @param keyHint where the credentials came from, e.g. {@code $OPENAI_API_KEY}, for authentication messages
     * @param clock the current time, for an HTTP-date {@code retry-after}
     */
    OpenAiErrorMapper(String keyHint, Clock clock) {
        this.keyHint = keyHint;
        this.clock = clock;
    }

    /** The exception for a non-2xx answer; {@code body} has already been redacted. */
    ModelException map(int status, String body, Headers headers) {
        return ErrorAnswers.obeyShouldRetry(mapStatus(status, body, headers), status, headers);
    }

    private ModelException mapStatus(int status, String body, Headers headers) {
        ProviderError error = ProviderError.parse(body);
        String said = error.describe() + ErrorAnswers.quote(ErrorAnswers.requestId(headers, "x-request-id"));
        if (status == 401 || status == 403) {
            return new AuthenticationException(
                    status,
                    "HTTP " + status + ": the server rejected the credentials from " + keyHint
                            + ". Check the key, rpt.auth-header (authorization or api-key) and rpt.base-url. Server said: "
                            + said);
        }
        if (status == 429) {
            if (error.is(INSUFFICIENT_QUOTA)) {
                return new QuotaExceededException("HTTP 429 insufficient_quota: the account behind " + keyHint
                        + " is out of credit or over its spend limit; retrying will not help. Add credit or raise the"
                        + " limit with the provider. Server said: " + said);
            }
            return new RateLimitedException("HTTP 429 rate limited. Server said: " + said, retryAfter(headers));
        }
        if (status == 408) {
            return new ModelTimeoutException("HTTP 408: the server timed out waiting. Server said: " + said, null);
        }
        if (status >= 500) {
            return new ServerErrorException(
                    status, "HTTP " + status + " server error. Server said: " + said, retryAfter(headers));
        }
        if (status == 409) {
            // A conflict (e.g. a lock on the resource) passes; the official SDKs retry it.
            return new ServerErrorException(
                    status,
                    "HTTP 409 conflict: the server could not take the request now. Server said: " + said,
                    retryAfter(headers));
        }
        // 400, 404, 413, 422 and every other client error: the request itself is wrong.
        return new BadRequestException(
                status,
                said
                        + SettingHints.forUnsupported(
                                        Optional.ofNullable(error.code()), Optional.ofNullable(error.param()))
                                .map(hint -> " " + hint)
                                .orElse(""));
    }

    private Duration retryAfter(Headers headers) {
        return RetryAfter.from(headers, clock.instant());
    }

    /** The fields of an error body that matter; any of them may be null. */
    record ProviderError(String message, String type, String code, String param, String rawBody) {

        static ProviderError parse(String body) {
            JsonNode tree;
            try {
                tree = OpenAiJson.MAPPER.readTree(body == null ? "" : body);
            } catch (JsonProcessingException e) {
                tree = null;
            }
            JsonNode error = tree == null ? null : tree.get("error");
            if (error == null) {
                return new ProviderError(null, null, null, null, body);
            }
            if (error.isTextual()) {
                // Some proxies answer {"error": "text"}.
                return new ProviderError(error.asText(), null, null, null, body);
            }
            JsonNode code = error.get("code");
            return new ProviderError(
                    OpenAiJson.text(error, "message"),
                    OpenAiJson.text(error, "type"),
                    code == null || code.isNull() ? null : code.asText(),
                    OpenAiJson.text(error, "param"),
                    body);
        }

        boolean is(String value) {
            return value.equals(type) || value.equals(code);
        }

        /** The provider's message with its type and code, as a safe excerpt; the raw body when there is none. */
        String describe() {
            if (message == null) {
                return Excerpt.of(rawBody == null || rawBody.isBlank() ? "<empty body>" : rawBody);
            }
            StringBuilder tags = new StringBuilder();
            if (type != null) {
                tags.append("type=").append(type);
            }
            if (code != null) {
                tags.append(tags.length() > 0 ? ", " : "").append("code=").append(code);
            }
            return Excerpt.of(message, 300) + (tags.length() > 0 ? " [" + tags + "]" : "");
        }
    }
}
