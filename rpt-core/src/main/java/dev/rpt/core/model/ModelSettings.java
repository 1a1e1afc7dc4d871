package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a provider needs to reach one model. Built from {@code rpt.*} configuration by {@link #from(RptConfig)}.
 *
 * @param provider the provider id: {@code openai}, {@code anthropic} or {@code sim}
 * @param model the model name
 * @param baseUrl the API base URL, or empty for the provider's public endpoint
 * @param apiKeyEnv the environment variable holding the key, or empty for no authentication
 * @param authHeader how the key is sent: {@code authorization} ({@code Authorization: Bearer}, the default for {@code
 *     openai}), {@code api-key} (Azure) or {@code x-api-key} (the default for {@code anthropic})
 * @param headers extra, non-secret headers sent with every request
 * @param anthropicVersion the {@code anthropic-version} header value
 * @param timeout the timeout of one HTTP call
 */
@API(status = INTERNAL, since = "0.1")
public record ModelSettings(
        String provider,
        String model,
        Optional<String> baseUrl,
        Optional<String> apiKeyEnv,
        String authHeader,
        Map<String, String> headers,
        String anthropicVersion,
        Duration timeout) {

    /** The providers rpt ships. */
    public static final List<String> KNOWN_PROVIDERS = List.of("openai", "openai-responses", "anthropic", "sim");

    static final String NO_KEY = "none";
    /** The default of {@code rpt.timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public ModelSettings {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
        Objects.requireNonNull(authHeader, "authHeader");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(anthropicVersion, "anthropicVersion");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Reads the settings of the model under test from configuration. */
    public static ModelSettings from(RptConfig config) {
        return from(config, KNOWN_PROVIDERS);
    }

    /**
     * Reads the settings of the model under test, accepting the given provider ids; the runtime passes the ids it
     * found through {@link java.util.ServiceLoader}, so a provider outside {@link #KNOWN_PROVIDERS} can be configured.
     */
    public static ModelSettings from(RptConfig config, List<String> providers) {
        String provider = config.choice(RptConstants.PROVIDER, providers)
                .orElseThrow(() -> new ConfigException(RptConstants.PROVIDER
                        + " is not set. Set it to one of " + String.join(", ", providers)
                        + " (sim is the offline simulator), e.g. in src/test/resources/junit-platform.properties."));
        String model = provider.equals("sim")
                ? config.string(RptConstants.MODEL).orElse("sim")
                : config.requiredString(
                        RptConstants.MODEL, "Set it to the model name your provider expects, e.g. gpt-4.1-mini.");
        Optional<String> apiKeyEnv = provider.equals("sim")
                ? Optional.empty()
                : Optional.of(config.string(RptConstants.API_KEY_ENV).orElse(defaultKeyEnv(provider)))
                        .filter(name -> !name.equalsIgnoreCase(NO_KEY));
        return new ModelSettings(
                provider,
                model,
                config.string(RptConstants.BASE_URL).map(ModelSettings::stripTrailingSlash),
                apiKeyEnv,
                // Anthropic's own API takes x-api-key; a gateway in front of it (Bedrock, Ollama's Anthropic endpoint)
                // may
                // want Authorization: Bearer instead.
                config.choice(RptConstants.AUTH_HEADER, List.of("authorization", "api-key", "x-api-key"))
                        .orElse(provider.equals("anthropic") ? "x-api-key" : "authorization"),
                config.withPrefix(RptConstants.HEADERS_PREFIX),
                config.string(RptConstants.ANTHROPIC_VERSION).orElse("2023-06-01"),
                config.duration(RptConstants.TIMEOUT).orElse(DEFAULT_TIMEOUT));
    }

    /** Settings for tests and programmatic use: no extra headers, default timeout and versions. */
    public static ModelSettings of(String provider, String model, String baseUrl, String apiKeyEnv) {
        return new ModelSettings(
                provider,
                model,
                Optional.ofNullable(baseUrl).map(ModelSettings::stripTrailingSlash),
                Optional.ofNullable(apiKeyEnv),
                provider.equals("anthropic") ? "x-api-key" : "authorization",
                Map.of(),
                "2023-06-01",
                DEFAULT_TIMEOUT);
    }

    /** A copy with other extra headers. */
    public ModelSettings withHeaders(Map<String, String> headers) {
        return new ModelSettings(provider, model, baseUrl, apiKeyEnv, authHeader, headers, anthropicVersion, timeout);
    }

    /** A copy with another timeout. */
    public ModelSettings withTimeout(Duration timeout) {
        return new ModelSettings(provider, model, baseUrl, apiKeyEnv, authHeader, headers, anthropicVersion, timeout);
    }

    /** A copy with another auth header. */
    public ModelSettings withAuthHeader(String authHeader) {
        return new ModelSettings(provider, model, baseUrl, apiKeyEnv, authHeader, headers, anthropicVersion, timeout);
    }

    private static String defaultKeyEnv(String provider) {
        return provider.equals("anthropic") ? "ANTHROPIC_API_KEY" : "OPENAI_API_KEY";
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
