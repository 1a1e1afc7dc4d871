package dev.rpt.core.model.anthropic;

import static dev.rpt.core.model.anthropic.AnthropicServer.FAKE_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.AuthenticationException;
import dev.rpt.core.model.BadRequestException;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.MalformedResponseException;
import dev.rpt.core.model.ModelException;
import dev.rpt.core.model.ModelSettings;
import dev.rpt.core.model.ModelTimeoutException;
import dev.rpt.core.model.QuotaExceededException;
import dev.rpt.core.model.RateLimitedException;
import dev.rpt.core.model.ServerErrorException;
import dev.rpt.core.model.TransportException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnthropicErrorTests {

    private static final ChatRequest REQUEST = ChatRequest.builder().user("Hi").build();

    private final AnthropicServer server = new AnthropicServer();
    private final ChatModel model = server.model();

    @AfterEach
    void close() {
        server.close();
    }

    private static String error(String type, String message) {
        return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message
                + "\"},\"request_id\":\"req_011\"}";
    }

    private <T extends ModelException> T failure(Class<T> type) {
        T thrown = catchThrowableOfType(type, () -> model.chat(REQUEST));
        assertThat(thrown).as("expected %s", type.getSimpleName()).isNotNull();
        assertNoKey(thrown);
        return thrown;
    }

    private static void assertNoKey(Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(FAKE_KEY).doesNotContain("7f3a9c2e");
    }

    @Test
    void badRequestCarriesTheProviderMessage() {
        server.enqueue(400, error("invalid_request_error", "max_tokens: Field required"));

        BadRequestException thrown = failure(BadRequestException.class);

        assertThat(thrown.status()).isEqualTo(400);
        assertThat(thrown.providerMessage())
                .isEqualTo("invalid_request_error: max_tokens: Field required (request id req_011)");
        assertThat(thrown.retryable()).isFalse();
    }

    @Test
    void notFoundAndTooLargeAreBadRequests() {
        server.enqueue(404, error("not_found_error", "model: claude-nope"));
        assertThat(failure(BadRequestException.class).status()).isEqualTo(404);

        server.enqueue(413, "<html>Request Entity Too Large</html>");
        BadRequestException tooLarge = failure(BadRequestException.class);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.providerMessage()).contains("Request Entity Too Large");
    }

    @Test
    void unauthorizedNamesTheVariableNotTheKey() {
        server.enqueue(401, error("authentication_error", "invalid x-api-key"));

        AuthenticationException thrown = failure(AuthenticationException.class);

        assertThat(thrown.status()).isEqualTo(401);
        assertThat(thrown.getMessage()).contains("$ANTHROPIC_API_KEY").contains("invalid x-api-key");
        assertThat(thrown.retryable()).isFalse();
    }

    @Test
    void forbiddenIsAnAuthenticationFailure() {
        server.enqueue(403, error("permission_error", "no access to this model"));

        assertThat(failure(AuthenticationException.class).status()).isEqualTo(403);
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        server.server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("retry-after", "17")
                .body(error("rate_limit_error", "This request would exceed your account's rate limit."))
                .build());

        RateLimitedException thrown = failure(RateLimitedException.class);

        assertThat(thrown.retryable()).isTrue();
        assertThat(thrown.retryAfter()).contains(Duration.ofSeconds(17));
        assertThat(thrown.getMessage()).contains("HTTP 429 rate_limit_error");
    }

    @Test
    void spendLimitIsQuotaNotRateLimit() {
        server.enqueue(429, error("rate_limit_error", "enforced_spend_limit_reached: monthly spend limit reached"));

        QuotaExceededException thrown = failure(QuotaExceededException.class);

        assertThat(thrown.retryable()).isFalse();
        assertThat(thrown.getMessage()).contains("spend limit").contains("retrying will not help");
    }

    @Test
    void billingErrorIsQuota() {
        server.enqueue(400, error("invalid_request_error", "Your credit balance is too low to access the API."));
        failure(QuotaExceededException.class);

        server.enqueue(402, error("billing_error", "Payment required."));
        failure(QuotaExceededException.class);
    }

    @Test
    void overloadedIsARetryableServerErrorWithRetryAfter() {
        server.server.enqueue(new MockResponse.Builder()
                .code(529)
                .setHeader("retry-after", "3")
                .body(error("overloaded_error", "Overloaded"))
                .build());

        ServerErrorException thrown = failure(ServerErrorException.class);

        assertThat(thrown.status()).isEqualTo(529);
        assertThat(thrown.retryable()).isTrue();
        assertThat(thrown.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(thrown.getMessage()).contains("overloaded_error");
    }

    @Test
    void internalErrorIsAServerError() {
        server.enqueue(500, error("api_error", "Internal server error"));

        ServerErrorException thrown = failure(ServerErrorException.class);

        assertThat(thrown.status()).isEqualTo(500);
        assertThat(thrown.retryAfter()).isEmpty();
    }

    @Test
    void aSlowServerIsATimeout() {
        ChatModel impatient = server.model(server.settings().withTimeout(Duration.ofMillis(300)));
        server.server.enqueue(new MockResponse.Builder()
                .headersDelay(3, TimeUnit.SECONDS)
                .body(AnthropicServer.resource("text-response.json"))
                .build());

        ModelTimeoutException thrown = catchThrowableOfType(ModelTimeoutException.class, () -> impatient.chat(REQUEST));

        assertThat(thrown).isNotNull();
        assertThat(thrown.retryable()).isTrue();
        assertNoKey(thrown);
    }

    @Test
    void aBodyCutShortIsATransportFailure() {
        server.server.enqueue(new MockResponse.Builder()
                .body(AnthropicServer.resource("tool-use-response.json"))
                .onResponseBody(new SocketEffect.CloseSocket())
                .build());

        TransportException thrown = failure(TransportException.class);

        assertThat(thrown.retryable()).isTrue();
    }

    @Test
    void aRefusedConnectionIsATransportFailure() {
        MockWebServer gone = new MockWebServer();
        String url;
        try {
            gone.start();
            url = gone.url("/").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            gone.close();
        }
        ChatModel unreachable =
                server.model(ModelSettings.of("anthropic", AnthropicServer.MODEL, url, "ANTHROPIC_API_KEY"));

        TransportException thrown = catchThrowableOfType(TransportException.class, () -> unreachable.chat(REQUEST));

        assertThat(thrown).isNotNull();
        assertNoKey(thrown);
    }

    @Test
    void aBodyThatIsNotJsonIsMalformedWithAnExcerpt() {
        server.enqueue(200, "<html><body>Bad gateway page</body></html>");

        MalformedResponseException thrown = failure(MalformedResponseException.class);

        assertThat(thrown.excerpt()).contains("Bad gateway page");
        assertThat(thrown.getMessage()).contains("not JSON");
    }

    @Test
    void aBodyWithoutContentIsMalformed() {
        server.enqueue(200, "{\"id\":\"msg_1\",\"type\":\"message\",\"stop_reason\":\"end_turn\"}");

        MalformedResponseException thrown = failure(MalformedResponseException.class);

        assertThat(thrown.getMessage()).contains("content");
        assertThat(thrown.excerpt()).contains("msg_1");
    }

    @Test
    void anEchoedKeyIsMaskedInErrorMessages() {
        server.enqueue(401, error("authentication_error", "invalid x-api-key " + FAKE_KEY));
        failure(AuthenticationException.class);

        server.enqueue(400, error("invalid_request_error", "bad header " + FAKE_KEY));
        assertThat(failure(BadRequestException.class).providerMessage()).contains("****");

        server.enqueue(503, "upstream said " + FAKE_KEY);
        failure(ServerErrorException.class);
    }

    @Test
    void aRequestTimeoutAndAConflictAreRetriedAndTheRequestIdIsQuoted() {
        server.server.enqueue(new MockResponse.Builder()
                .code(408)
                .setHeader("request-id", "req_011CSHoEeqs5C35K2UUqR7Fy")
                .body(error("timeout_error", "Request timed out"))
                .build());
        server.server.enqueue(new MockResponse.Builder()
                .code(409)
                .body(error("conflict_error", "Conflict"))
                .build());

        ModelTimeoutException timeout = failure(ModelTimeoutException.class);
        ServerErrorException conflict = failure(ServerErrorException.class);

        assertThat(timeout.retryable()).isTrue();
        assertThat(timeout.getMessage()).contains("(request id req_011CSHoEeqs5C35K2UUqR7Fy)");
        assertThat(conflict.retryable()).isTrue();
        // Without the header, the body's request_id is quoted.
        assertThat(conflict.getMessage()).contains("(request id req_011)");
    }

    @Test
    void aRateLimitWithOnlyXShouldRetryIsRetriedAndFalseStopsIt() {
        server.server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("x-should-retry", "true")
                .body(error("rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit"))
                .build());
        server.server.enqueue(new MockResponse.Builder()
                .code(529)
                .setHeader("x-should-retry", "false")
                .body(error("overloaded_error", "Overloaded"))
                .build());

        RateLimitedException limited = failure(RateLimitedException.class);
        ServerErrorException overloaded = failure(ServerErrorException.class);

        assertThat(limited.retryable()).isTrue();
        assertThat(overloaded.retryable()).isFalse();
        assertThat(overloaded.getMessage()).contains("x-should-retry: false");
    }

    @Test
    void aTemperatureAboveOneFailsBeforeAnythingIsSent() {
        ChatRequest hot = ChatRequest.builder().user("Hi").temperature(1.5).build();

        assertThatThrownBy(() -> model.chat(hot))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Anthropic accepts a temperature from 0 to 1")
                .hasMessageContaining("rpt.temperature");
        assertThat(server.server.getRequestCount()).isZero();
    }

    @Test
    void aReasoningEffortAnthropicDoesNotTakeIsRefusedNamingTheKeyAndTheValuesItTakes() {
        RptConfig config = RptConfig.of(Map.of(
                "rpt.provider",
                "anthropic",
                "rpt.model",
                "claude-sonnet-4-5",
                "rpt.api-key-env",
                "none",
                "rpt.reasoning-effort",
                "minimal"));

        assertThatThrownBy(() -> new AnthropicProvider().create(ModelSettings.from(config), config, name -> null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.reasoning-effort")
                .hasMessageContaining("low, medium, high, xhigh, max")
                .hasMessageContaining("rpt.anthropic.thinking=off");
    }
}
