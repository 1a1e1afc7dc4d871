package dev.rpt.core.model.openai;

import static dev.rpt.core.model.openai.OpenAiFixtures.ENVIRONMENT;
import static dev.rpt.core.model.openai.OpenAiFixtures.KEY;
import static dev.rpt.core.model.openai.OpenAiFixtures.KEY_VARIABLE;
import static dev.rpt.core.model.openai.OpenAiFixtures.json;
import static dev.rpt.core.model.openai.OpenAiFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rpt.chat.ChatRequest;
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
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiErrorMappingTests {

    private static final ChatRequest HELLO = ChatRequest.builder().user("hello").build();

    private MockWebServer server;
    private ChatModel model;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        model = new OpenAiProvider().create(settings(server), ENVIRONMENT);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String error(String message, String type, String code) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":" + code
                + "}}";
    }

    private <T extends ModelException> T failure(Class<T> type) {
        T thrown = catchThrowableOfType(type, () -> model.chat(HELLO));
        assertThat(thrown).as("expected %s", type.getSimpleName()).isNotNull();
        assertThat(thrown.getMessage()).doesNotContain(KEY);
        assertThat(thrown.toString()).doesNotContain(KEY);
        return thrown;
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 413, 422})
    void mapsClientErrorsToBadRequestCarryingTheProviderMessage(int status) {
        server.enqueue(json(
                status, error("Invalid schema for response_format 'target_answer'", "invalid_request_error", "null")));

        BadRequestException thrown = failure(BadRequestException.class);

        assertThat(thrown.status()).isEqualTo(status);
        assertThat(thrown.providerMessage()).contains("Invalid schema for response_format 'target_answer'");
        assertThat(thrown.getMessage()).contains("Invalid schema for response_format 'target_answer'");
        assertThat(thrown.retryable()).isFalse();
    }

    @Test
    void readsLlamaCppIntegerErrorCodes() {
        server.enqueue(json(
                400,
                "{\"error\":{\"code\":400,\"message\":\"the request exceeds the available context size\","
                        + "\"type\":\"exceed_context_size_error\"}}"));

        BadRequestException thrown = failure(BadRequestException.class);

        assertThat(thrown.providerMessage())
                .contains("the request exceeds the available context size")
                .contains("code=400")
                .contains("type=exceed_context_size_error");
    }

    @Test
    void anHttp200WhoseBodyIsAnErrorIsMappedByTheCodeItNames() {
        // OpenRouter (https://openrouter.ai/docs/errors): once the model started, an upstream failure comes back as
        // HTTP 200 with {"error": {"code", "message", "metadata"}}, code 502 when the chosen model is down.
        server.enqueue(json(
                200,
                "{\"error\":{\"code\":502,\"message\":\"Provider returned error\","
                        + "\"metadata\":{\"provider_name\":\"Example\"}}}"));
        server.enqueue(json(200, "{\"error\":{\"code\":429,\"message\":\"Rate limit exceeded\"}}"));

        ServerErrorException down = failure(ServerErrorException.class);
        RateLimitedException limited = failure(RateLimitedException.class);

        assertThat(down.retryable())
                .as("an upstream outage is retried like one")
                .isTrue();
        assertThat(down.getMessage())
                .startsWith("HTTP 200 with an error in its body (code 502) server error. Server said: Provider returned"
                        + " error");
        assertThat(limited.retryable()).isTrue();
        assertThat(limited.getMessage()).startsWith("HTTP 200 with an error in its body (code 429) rate limited.");
    }

    @Test
    void errorBodiesWithoutTheOpenAiWrapperKeepTheirMessageAndHint() {
        // Mistral (docs.mistral.ai API, error responses): the error object itself, marked "object": "error".
        server.enqueue(json(
                400,
                "{\"object\":\"error\",\"message\":\"Invalid model: mistral-huge\",\"type\":\"invalid_model\","
                        + "\"param\":null,\"code\":\"1500\"}"));
        // Gemini's OpenAI-compatible endpoint: the error in a list.
        server.enqueue(json(
                400,
                "[{\"error\":{\"code\":400,\"message\":\"API key not valid.\",\"status\":\"INVALID_ARGUMENT\"}}]"));
        // A FastAPI validation error (Mistral's 422 on a field it does not know): the field is last in "loc".
        server.enqueue(json(
                422,
                "{\"detail\":[{\"type\":\"extra_forbidden\",\"loc\":[\"body\",\"max_completion_tokens\"],"
                        + "\"msg\":\"Extra inputs are not permitted\",\"input\":256}]}"));

        assertThat(failure(BadRequestException.class).providerMessage())
                .startsWith("Invalid model: mistral-huge [type=invalid_model, code=1500]");
        assertThat(failure(BadRequestException.class).providerMessage()).startsWith("API key not valid. [code=400]");
        assertThat(failure(BadRequestException.class).getMessage())
                .contains("Extra inputs are not permitted")
                .contains("set rpt.openai.max-tokens-field=max_tokens");
    }

    @Test
    void quotesARawBodyThatIsNotAnErrorObject() {
        server.enqueue(
                new MockResponse.Builder().code(404).body("404 page not found").build());

        assertThat(failure(BadRequestException.class).providerMessage()).isEqualTo("404 page not found");
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void mapsRejectedCredentialsWithoutQuotingTheKey(int status) {
        // A server that echoes the key back must not make it leak into the message.
        server.enqueue(json(
                status, error("Incorrect API key provided: " + KEY, "invalid_request_error", "\"invalid_api_key\"")));

        AuthenticationException thrown = failure(AuthenticationException.class);

        assertThat(thrown.status()).isEqualTo(status);
        assertThat(thrown.retryable()).isFalse();
        assertThat(thrown.getMessage()).contains("$" + KEY_VARIABLE).contains("Incorrect API key provided: ****");
    }

    @Test
    void mapsRateLimitsWithRetryAfterSeconds() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("retry-after", "2")
                .body(error("Rate limit reached for requests", "requests", "\"rate_limit_exceeded\""))
                .build());

        RateLimitedException thrown = failure(RateLimitedException.class);

        assertThat(thrown.retryable()).isTrue();
        assertThat(thrown.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(thrown.getMessage()).contains("Rate limit reached for requests");
    }

    @Test
    void prefersRetryAfterMilliseconds() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("retry-after-ms", "1500")
                .setHeader("retry-after", "2")
                .body(error("Rate limit reached", "tokens", "\"rate_limit_exceeded\""))
                .build());

        assertThat(failure(RateLimitedException.class).retryAfter()).contains(Duration.ofMillis(1500));
    }

    @Test
    void mapsInsufficientQuotaByTypeToAFailFastQuotaError() {
        server.enqueue(json(
                429,
                error(
                        "You exceeded your current quota, please check your plan and billing details.",
                        "insufficient_quota",
                        "\"insufficient_quota\"")));

        QuotaExceededException thrown = failure(QuotaExceededException.class);

        assertThat(thrown.retryable()).isFalse();
        assertThat(thrown.getMessage()).contains("out of credit").contains("$" + KEY_VARIABLE);
    }

    @Test
    void mapsInsufficientQuotaByCodeAlone() {
        server.enqueue(json(429, error("quota", "billing_error", "\"insufficient_quota\"")));

        failure(QuotaExceededException.class);
    }

    @Test
    void mapsServerErrors() {
        server.enqueue(
                json(500, error("The server had an error while processing your request.", "server_error", "null")));

        ServerErrorException thrown = failure(ServerErrorException.class);

        assertThat(thrown.status()).isEqualTo(500);
        assertThat(thrown.retryable()).isTrue();
        assertThat(thrown.retryAfter()).isEmpty();
        assertThat(thrown.getMessage()).contains("The server had an error");
    }

    @Test
    void mapsUnavailableWithItsRetryAfter() {
        server.enqueue(new MockResponse.Builder()
                .code(503)
                .setHeader("retry-after", "7")
                .body("upstream overloaded")
                .build());

        ServerErrorException thrown = failure(ServerErrorException.class);

        assertThat(thrown.status()).isEqualTo(503);
        assertThat(thrown.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(thrown.getMessage()).contains("upstream overloaded");
    }

    @Test
    void mapsASlowServerToATimeout() {
        model = new OpenAiProvider().create(settings(server).withTimeout(Duration.ofMillis(300)), ENVIRONMENT);
        server.enqueue(new MockResponse.Builder()
                .headersDelay(3, TimeUnit.SECONDS)
                .body(OpenAiFixtures.resource("final-answer.json"))
                .build());

        ModelTimeoutException thrown = failure(ModelTimeoutException.class);

        assertThat(thrown.retryable()).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void mapsATruncatedBodyToATransportFailure() {
        String complete = OpenAiFixtures.resource("final-answer.json");
        server.enqueue(new MockResponse.Builder()
                .body(complete.substring(0, 40))
                .setHeader("Content-Length", complete.length())
                .onResponseEnd(new SocketEffect.CloseSocket(true, true, true))
                .build());

        TransportException thrown = failure(TransportException.class);

        assertThat(thrown.retryable()).isTrue();
        assertThat(thrown.getCause()).isInstanceOfAny(java.net.ProtocolException.class, java.io.EOFException.class);
    }

    @Test
    void mapsARefusedConnectionToATransportFailure() {
        int port = server.getPort();
        server.close();
        model = new OpenAiProvider()
                .create(ModelSettings.of("openai", "m", "http://127.0.0.1:" + port + "/v1", KEY_VARIABLE), ENVIRONMENT);

        TransportException thrown = failure(TransportException.class);

        assertThat(thrown.getMessage()).contains("127.0.0.1:" + port);
    }

    @Test
    void restoresTheInterruptFlag() {
        server.enqueue(new MockResponse.Builder()
                .headersDelay(3, TimeUnit.SECONDS)
                .body(OpenAiFixtures.resource("final-answer.json"))
                .build());
        Thread.currentThread().interrupt();
        try {
            ModelException thrown = catchThrowableOfType(ModelException.class, () -> model.chat(HELLO));

            assertThat(thrown).isInstanceOf(TransportException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void mapsABodyThatIsNotJsonToAMalformedResponseWithAnExcerpt() {
        server.enqueue(new MockResponse.Builder()
                .body("<html><body>Bad gateway page</body></html>")
                .build());

        MalformedResponseException thrown = failure(MalformedResponseException.class);

        assertThat(thrown.excerpt()).isEqualTo("<html><body>Bad gateway page</body></html>");
        assertThat(thrown.retryable()).isFalse();
    }

    @Test
    void mapsEmptyChoicesToAMalformedResponse() {
        server.enqueue(json(200, "{\"id\":\"x\",\"choices\":[],\"usage\":{\"prompt_tokens\":1}}"));

        assertThat(failure(MalformedResponseException.class).getMessage()).contains("no choices");
    }

    @Test
    void mapsMissingChoicesToAMalformedResponse() {
        server.enqueue(json(200, "{\"id\":\"x\",\"object\":\"chat.completion\"}"));

        assertThat(failure(MalformedResponseException.class).getMessage()).contains("no choices");
    }

    @Test
    void aConflictIsRetryableAndTheRequestIdIsQuoted() {
        server.enqueue(new MockResponse.Builder()
                .code(409)
                .setHeader("content-type", "application/json")
                .setHeader("x-request-id", "req_7f3b2c")
                .body(error("The resource is locked", "conflict", "null"))
                .build());

        ServerErrorException thrown = failure(ServerErrorException.class);

        assertThat(thrown.retryable()).isTrue();
        assertThat(thrown.getMessage()).contains("HTTP 409 conflict").endsWith("(request id req_7f3b2c)");
    }

    @Test
    void xShouldRetryWinsOverTheStatus() {
        server.enqueue(new MockResponse.Builder()
                .code(400)
                .setHeader("x-should-retry", "true")
                .body(error("Try again", "invalid_request_error", "null"))
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(500)
                .setHeader("x-should-retry", "false")
                .body(error("Broken for good", "server_error", "null"))
                .build());

        ServerErrorException retry = failure(ServerErrorException.class);
        ServerErrorException noRetry = failure(ServerErrorException.class);

        assertThat(retry.retryable()).isTrue();
        assertThat(retry.getMessage()).contains("x-should-retry: true");
        assertThat(noRetry.retryable()).isFalse();
        assertThat(noRetry.getMessage()).contains("x-should-retry: false");
    }

    @Test
    void aRejectedTemperatureNamesTheKeyToChange() {
        // The shape OpenAI's reasoning models answer a temperature other than 1 with.
        server.enqueue(json(
                400,
                "{\"error\":{\"message\":\"Unsupported value: 'temperature' does not support 0 with this model. Only"
                        + " the default (1) value is supported.\",\"type\":\"invalid_request_error\",\"param\":"
                        + "\"temperature\",\"code\":\"unsupported_value\"}}"));

        BadRequestException thrown = failure(BadRequestException.class);

        assertThat(thrown.getMessage())
                .contains("Only the default (1) value is supported")
                .contains("rpt.temperature=none");
    }
}
