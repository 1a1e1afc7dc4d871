package dev.rpt.core.model.anthropic;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ApiKey;
import dev.rpt.core.model.BatchApi;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatModelProvider;
import dev.rpt.core.model.ModelSettings;
import dev.rpt.core.model.http.HttpClients;
import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * The {@code anthropic} provider: Claude models through Anthropic's Messages API.
 *
 * <p>Endpoint: {@code {base}/v1/messages}. The base is {@code rpt.base-url} without {@code /v1}, as in Anthropic's
 * SDKs ({@code ANTHROPIC_BASE_URL}); it defaults to {@code https://api.anthropic.com}, and a base that ends in
 * {@code /v1} is accepted too. Every call sends {@code x-api-key} (from the variable named by {@code
 * rpt.api-key-env}, default {@code ANTHROPIC_API_KEY}; none when that is {@code none}), {@code anthropic-version}
 * ({@code rpt.anthropic.version}, default {@code 2023-06-01}), {@code content-type: application/json} and the
 * {@code rpt.headers.*} headers, which cannot override the first three.
 *
 * <p>Mapping and limits:
 *
 * <ul>
 *   <li>{@code max_tokens} is required by the API: the request's limit, else 1024.
 *   <li>System messages are joined (blank line between) into the top-level {@code system}; one after the first
 *       user or assistant message is rejected.
 *   <li>Structured output is a forced tool named after the response format, whose input JSON is returned as the
 *       text (see {@link FormatTool} for why not the native {@code output_config.format}).
 *   <li>There is no seed and no log-probabilities: the seed is ignored and {@code logprobs} is always empty, so
 *       callers degrade to verbalized confidence.
 * </ul>
 *
 * <p>The provider sends each request once; retries are a decorator's job.
 */
@API(status = INTERNAL, since = "0.1")
public final class AnthropicProvider implements ChatModelProvider {

    /** The provider id, the value of {@code rpt.provider}. */
    public static final String ID = "anthropic";

    /** Creates the provider; {@link java.util.ServiceLoader} needs a public no-argument constructor. */
    public AnthropicProvider() {}

    @Override
    public String id() {
        return ID;
    }

    /**
     * Creates a client for {@code settings.model()}. The API key is read once, here.
     *
     * @throws dev.rpt.core.config.ConfigException naming the variable when the key's environment variable is unset, or
     *     the key when a thinking or structured-output setting is not one Anthropic takes
     */
    @Override
    public ChatModel create(ModelSettings settings, RptConfig config, UnaryOperator<String> environment) {
        return create(settings, environment, AnthropicOptions.from(config));
    }

    @Override
    public ChatModel create(ModelSettings settings, UnaryOperator<String> environment) {
        return create(settings, environment, AnthropicOptions.DEFAULTS);
    }

    private ChatModel create(ModelSettings settings, UnaryOperator<String> environment, AnthropicOptions options) {
        return new AnthropicChatModel(
                http(settings, environment), MessagesUrl.resolve(settings.baseUrl()), settings.model(), options);
    }

    /** Anthropic's Message Batches on the configured server, with the chat model's key, version and headers. */
    @Override
    public Optional<BatchApi> batchApi(ModelSettings settings, RptConfig config, UnaryOperator<String> environment) {
        return Optional.of(new AnthropicBatchApi(
                http(settings, environment),
                MessagesUrl.resolve(settings.baseUrl()),
                settings.model(),
                AnthropicOptions.from(config)));
    }

    private static AnthropicHttp http(ModelSettings settings, UnaryOperator<String> environment) {
        ApiKey apiKey = settings.apiKeyEnv()
                .filter(name -> !name.equalsIgnoreCase("none"))
                .map(name -> ApiKey.fromEnvironment(name, environment))
                .orElse(null);
        return new AnthropicHttp(
                HttpClients.withTimeout(settings.timeout()),
                apiKey,
                settings.authHeader(),
                settings.anthropicVersion(),
                settings.headers(),
                Clock.systemUTC());
    }
}
