package dev.rpt.core.model.anthropic;

import dev.rpt.core.model.ApiKey;
import dev.rpt.core.model.ModelTimeoutException;
import dev.rpt.core.model.TransportException;
import dev.rpt.core.model.http.RetryAfter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends requests to Anthropic's API with its headers ({@code x-api-key}, {@code anthropic-version}, the user's extra
 * headers) and maps every failure to a typed {@link dev.rpt.core.model.ModelException}. Never retries. Thread-safe.
 */
final class AnthropicHttp {

    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient client;
    private final ApiKey apiKey;
    private final String authHeader;
    private final String anthropicVersion;
    private final Map<String, String> extraHeaders;
    private final Clock clock;

    /** @param apiKey the key, or null to send no {@code x-api-key} header */
    AnthropicHttp(
            OkHttpClient client,
            ApiKey apiKey,
            String anthropicVersion,
            Map<String, String> extraHeaders,
            Clock clock) {
        this(client, apiKey, "x-api-key", anthropicVersion, extraHeaders, clock);
    }

    /**
     * @param authHeader how the key is sent ({@code rpt.auth-header}): {@code x-api-key}, as Anthropic's API takes it,
     *     {@code authorization} as {@code Authorization: Bearer} for gateways that want it, or {@code api-key}
     */
    AnthropicHttp(
            OkHttpClient client,
            ApiKey apiKey,
            String authHeader,
            String anthropicVersion,
            Map<String, String> extraHeaders,
            Clock clock) {
        this.client = client;
        this.apiKey = apiKey;
        this.authHeader = authHeader;
        this.anthropicVersion = anthropicVersion;
        this.extraHeaders = Map.copyOf(extraHeaders);
        this.clock = clock;
    }

    /** POSTs JSON and returns the body of a 2xx answer. */
    String post(String url, String json) {
        // From bytes, OkHttp keeps the content type as given instead of appending a charset parameter.
        return execute(url, builder(url).post(RequestBody.create(json.getBytes(StandardCharsets.UTF_8), JSON)));
    }

    /** GETs a URL and returns the body of a 2xx answer. */
    String get(String url) {
        return execute(url, builder(url).get());
    }

    private Request.Builder builder(String url) {
        Request.Builder builder = new Request.Builder().url(url);
        // Extra headers first, so they cannot replace the authentication, version or content type by accident.
        extraHeaders.forEach(builder::header);
        if (apiKey != null) {
            if (authHeader.equals("authorization")) {
                builder.header("Authorization", "Bearer " + apiKey.reveal());
            } else {
                builder.header(authHeader, apiKey.reveal());
            }
        }
        return builder.header("anthropic-version", anthropicVersion);
    }

    private String execute(String url, Request.Builder request) {
        try (Response response = client.newCall(request.build()).execute()) {
            String body = readBody(response);
            if (!response.isSuccessful()) {
                throw AnthropicErrorMapper.map(
                        response.code(),
                        body,
                        response.headers(),
                        RetryAfter.from(response.headers(), clock.instant()),
                        apiKey == null ? null : apiKey.reveal(),
                        keySource());
            }
            return body;
        } catch (InterruptedIOException e) {
            throw new ModelTimeoutException("Anthropic did not answer " + url + " in time: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TransportException("The connection to " + url + " failed: " + e, e);
        }
    }

    private static String readBody(Response response) throws IOException {
        ResponseBody body = response.body();
        // A body cut short surfaces here as an IOException (unexpected end of stream), i.e. a transport failure.
        return body == null ? "" : body.string();
    }

    private String keySource() {
        return apiKey == null ? "no API key (rpt.api-key-env=none)" : "$" + apiKey.variable();
    }

    @Override
    public String toString() {
        return "key " + (apiKey == null ? "none" : apiKey);
    }
}
