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
import java.util.OptionalInt;
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
        return ErrorAnswers.obeyShouldRetry(mapStatus(status, "HTTP " + status, body, headers), status, headers);
    }

    /**
     * The exception for a 2xx answer whose body is an error ({@link #embeddedError}), as OpenRouter sends when the
     * upstream provider fails after the stream began: mapped by the status the body names, 502 when it names none, so
     * that an upstream outage is retried like one.
     */
    ModelException mapEmbedded(int embeddedStatus, String body, Headers headers) {
        return ErrorAnswers.obeyShouldRetry(
                mapStatus(
                        embeddedStatus,
                        "HTTP 200 with an error in its body (code " + embeddedStatus + ")",
                        body,
                        headers),
                embeddedStatus,
                headers);
    }

    /**
     * The status a 2xx body names when it is an error instead of an answer: a top-level {@code error} and none of the
     * fields an answer or an API object has ({@code choices}, {@code data}, {@code object}, {@code id}); the error's
     * integer {@code code} when it is an HTTP status, else 502. Empty for every other body.
     */
    static OptionalInt embeddedError(String body) {
        if (body == null || !body.contains("\"error\"")) {
            return OptionalInt.empty();
        }
        JsonNode tree;
        try {
            tree = OpenAiJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return OptionalInt.empty();
        }
        if (tree == null
                || !tree.isObject()
                || tree.path("error").isNull()
                || tree.path("error").isMissingNode()
                || tree.has("choices")
                || tree.has("data")
                || tree.has("object")
                || tree.has("id")) {
            return OptionalInt.empty();
        }
        JsonNode code = tree.path("error").path("code");
        int status = code.canConvertToInt() && code.asInt() >= 400 && code.asInt() <= 599 ? code.asInt() : 502;
        return OptionalInt.of(status);
    }

    private ModelException mapStatus(int status, String label, String body, Headers headers) {
        ProviderError error = ProviderError.parse(body);
        String said = error.describe() + ErrorAnswers.quote(ErrorAnswers.requestId(headers, "x-request-id"));
        if (status == 401 || status == 403) {
            return new AuthenticationException(
                    status,
                    label + ": the server rejected the credentials from " + keyHint
                            + ". Check the key, rpt.auth-header (authorization or api-key) and rpt.base-url. Server said: "
                            + said);
        }
        if (status == 429) {
            if (error.is(INSUFFICIENT_QUOTA)) {
                return new QuotaExceededException(label + " insufficient_quota: the account behind " + keyHint
                        + " is out of credit or over its spend limit; retrying will not help. Add credit or raise the"
                        + " limit with the provider. Server said: " + said);
            }
            return new RateLimitedException(label + " rate limited. Server said: " + said, retryAfter(headers));
        }
        if (status == 408) {
            return new ModelTimeoutException(label + ": the server timed out waiting. Server said: " + said, null);
        }
        if (status >= 500) {
            return new ServerErrorException(status, label + " server error. Server said: " + said, retryAfter(headers));
        }
        if (status == 409) {
            // A conflict (e.g. a lock on the resource) passes; the official SDKs retry it.
            return new ServerErrorException(
                    status,
                    label + " conflict: the server could not take the request now. Server said: " + said,
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
            if (tree != null && tree.isArray() && !tree.isEmpty()) {
                // Gemini's OpenAI-compatible endpoint wraps its error in a list: [{"error": {...}}].
                tree = tree.get(0);
            }
            JsonNode error = tree == null ? null : tree.get("error");
            if (error == null && tree != null && tree.isObject() && tree.has("message")) {
                // Mistral answers without the wrapper: {"object": "error", "message", "type", "param", "code"}.
                error = tree;
            }
            if (error == null
                    && tree != null
                    && tree.path("detail").isArray()
                    && !tree.path("detail").isEmpty()) {
                // A FastAPI server's validation error (Mistral's 422): {"detail": [{"type", "loc", "msg"}]}, whose
                // last location names the field.
                JsonNode first = tree.path("detail").get(0);
                JsonNode location = first.path("loc");
                return new ProviderError(
                        OpenAiJson.text(first, "msg"),
                        null,
                        OpenAiJson.text(first, "type"),
                        location.isArray() && !location.isEmpty()
                                ? location.get(location.size() - 1).asText()
                                : null,
                        body);
            }
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
