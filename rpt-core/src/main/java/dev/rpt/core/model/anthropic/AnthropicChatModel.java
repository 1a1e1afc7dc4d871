package dev.rpt.core.model.anthropic;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ApiKey;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ModelInfo;
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
 * One Anthropic model behind the Messages API. Sends each request once: retries, the concurrency limit and the
 * cache are decorators around this class. Thread-safe, as the client and all fields are immutable.
 */
final class AnthropicChatModel implements ChatModel {

    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient client;
    private final String url;
    private final String model;
    private final ApiKey apiKey;
    private final String anthropicVersion;
    private final Map<String, String> extraHeaders;
    private final Clock clock;
    private final int thinkingBudget;

    /**
     * @param apiKey the key, or null to send no {@code x-api-key} header
     * @param thinkingBudget the extended-thinking budget in tokens, or 0 for none
     */
    AnthropicChatModel(
            OkHttpClient client,
            String url,
            String model,
            ApiKey apiKey,
            String anthropicVersion,
            Map<String, String> extraHeaders,
            Clock clock,
            int thinkingBudget) {
        this.thinkingBudget = thinkingBudget;
        this.client = client;
        this.url = url;
        this.model = model;
        this.apiKey = apiKey;
        this.anthropicVersion = anthropicVersion;
        this.extraHeaders = Map.copyOf(extraHeaders);
        this.clock = clock;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        RequestEncoder.Encoded encoded = RequestEncoder.encode(model, request, thinkingBudget);
        try (Response response = client.newCall(httpRequest(encoded.json())).execute()) {
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
            return ResponseDecoder.decode(body, encoded.formatTool(), model);
        } catch (InterruptedIOException e) {
            throw new ModelTimeoutException("Anthropic did not answer " + url + " in time: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TransportException("The connection to " + url + " failed: " + e, e);
        }
    }

    private Request httpRequest(String json) {
        Request.Builder builder = new Request.Builder().url(url);
        // Extra headers first, so they cannot replace the authentication, version or content type by accident.
        extraHeaders.forEach(builder::header);
        if (apiKey != null) {
            builder.header("x-api-key", apiKey.reveal());
        }
        builder.header("anthropic-version", anthropicVersion);
        // From bytes, OkHttp keeps the content type as given instead of appending a charset parameter.
        return builder.post(RequestBody.create(json.getBytes(StandardCharsets.UTF_8), JSON))
                .build();
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
    public ModelInfo info() {
        return new ModelInfo(AnthropicProvider.ID, model, false);
    }

    @Override
    public String toString() {
        return "AnthropicChatModel[" + model + " at " + url + ", key " + (apiKey == null ? "none" : apiKey) + "]";
    }
}
