package dev.rpt.core.model.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.core.model.AuthenticationException;
import dev.rpt.core.model.BadRequestException;
import dev.rpt.core.model.Excerpt;
import dev.rpt.core.model.MalformedResponseException;
import dev.rpt.core.model.ModelException;
import dev.rpt.core.model.ModelTimeoutException;
import dev.rpt.core.model.QuotaExceededException;
import dev.rpt.core.model.RateLimitedException;
import dev.rpt.core.model.ServerErrorException;
import dev.rpt.core.model.http.ErrorAnswers;
import dev.rpt.core.model.http.SettingHints;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Headers;

/**
 * Turns an unsuccessful Messages API answer ({@code {"type":"error","error":{"type","message"}}}) into the typed
 * {@link ModelException} that says whether retrying can help. Provider text is quoted only as an excerpt, and the API
 * key is masked out of it in case a proxy echoes it back.
 */
final class AnthropicErrorMapper {

    private AnthropicErrorMapper() {}

    /**
     * Maps one error answer.
     *
     * @param status the HTTP status, not 2xx
     * @param body the response body, possibly empty or not JSON
     * @param headers the answer's headers: {@code retry-after}, {@code request-id}, {@code x-should-retry}
     * @param retryAfter the delay the server asked for, or null
     * @param secret the API key to mask, or null when none is sent
     * @param keySource where the key came from, for the authentication hint, e.g. {@code $ANTHROPIC_API_KEY}
     */
    static ModelException map(
            int status, String body, Headers headers, Duration retryAfter, String secret, String keySource) {
        return ErrorAnswers.obeyShouldRetry(
                mapStatus(status, body, headers, retryAfter, secret, keySource), status, headers);
    }

    private static ModelException mapStatus(
            int status, String body, Headers headers, Duration retryAfter, String secret, String keySource) {
        ProviderError error = ProviderError.parse(body, secret);
        String requestId =
                ErrorAnswers.quote(ErrorAnswers.requestId(headers, "request-id").or(error::requestId));
        String detail = "HTTP " + status + (error.type().isEmpty() ? "" : " " + error.type()) + ": " + error.message()
                + requestId;
        if (isQuota(status, error)) {
            return new QuotaExceededException("Anthropic refused the call because the account is out of credit or hit"
                    + " its spend limit (" + detail + "). Add credit or raise the limit in the Anthropic console;"
                    + " retrying will not help.");
        }
        if (status == 401 || status == 403) {
            return new AuthenticationException(
                    status,
                    "Anthropic rejected the credentials from " + keySource + " (" + detail + "). Check that the"
                            + " variable holds a valid key with access to this model, or point rpt.api-key-env at"
                            + " the right variable.");
        }
        if (status == 429) {
            return new RateLimitedException("Anthropic rate-limited the call (" + detail + ")", retryAfter);
        }
        if (status == 408) {
            return new ModelTimeoutException("Anthropic timed out waiting for the request (" + detail + ")", null);
        }
        if (status == 409) {
            // A conflict passes; the official SDK retries it.
            return new ServerErrorException(
                    status, "Anthropic could not take the request now (" + detail + ")", retryAfter);
        }
        if (status >= 500) {
            return new ServerErrorException(status, "Anthropic failed or is overloaded (" + detail + ")", retryAfter);
        }
        if (status >= 400) {
            return new BadRequestException(
                    status,
                    (error.type().isEmpty() ? "" : error.type() + ": ")
                            + error.message()
                            + requestId
                            + SettingHints.forAnthropic(error.message())
                                    .map(hint -> " " + hint)
                                    .orElse(""));
        }
        return new MalformedResponseException(
                "Anthropic answered with unexpected HTTP status " + status, Mask.apply(body, secret), null);
    }

    private static boolean isQuota(int status, ProviderError error) {
        if (status != 400 && status != 402 && status != 403 && status != 429) {
            return false;
        }
        if (error.type().equals("billing_error") || status == 402) {
            return true;
        }
        String text = (error.type() + " " + error.message()).toLowerCase(Locale.ROOT);
        return text.contains("enforced_spend_limit_reached")
                || text.contains("spend limit")
                || text.contains("credit balance is too low")
                || text.contains("api usage limits");
    }

    /** The parsed {@code error} object, or a stand-in built from the raw body. */
    private record ProviderError(String type, String message, Optional<String> requestId) {

        static ProviderError parse(String body, String secret) {
            JsonNode error = null;
            Optional<String> requestId = Optional.empty();
            try {
                JsonNode root = AnthropicJson.MAPPER.readTree(body);
                error = root == null ? null : root.get("error");
                if (root != null && root.path("request_id").isTextual()) {
                    requestId = Optional.of(root.get("request_id").asText());
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                // A proxy or load balancer page: quote the body instead.
            }
            if (error != null && error.isObject()) {
                return new ProviderError(
                        Mask.apply(error.path("type").asText(""), secret),
                        Excerpt.of(Mask.apply(error.path("message").asText("(no message)"), secret)),
                        requestId);
            }
            String raw = body == null || body.isBlank() ? "(empty body)" : body;
            return new ProviderError("", Excerpt.of(Mask.apply(raw, secret)), requestId);
        }
    }
}
