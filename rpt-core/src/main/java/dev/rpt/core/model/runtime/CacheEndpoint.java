package dev.rpt.core.model.runtime;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.ModelSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where a request goes, as far as it can change the reply: the provider, the model name, the base URL, and the
 * headers the user declared to select a deployment ({@code rpt.cache.key-headers}). Two servers that serve a model
 * under the same name give different answers; their cache entries must not be shared. Secrets never take part: a
 * header is in the key only when it is declared non-secret, and the header that carries the API key cannot be.
 *
 * @param provider the provider id
 * @param model the model name
 * @param baseUrl {@code rpt.base-url} without a trailing slash, or {@code default} for the provider's own
 * @param headers the declared headers with their values, names in lower case
 * @param settings the provider settings outside the request that change the reply, e.g. {@code
 *     rpt.reasoning-effort}
 */
record CacheEndpoint(
        String provider,
        String model,
        String baseUrl,
        SortedMap<String, String> headers,
        SortedMap<String, String> settings) {

    CacheEndpoint {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(baseUrl, "baseUrl");
        headers = new TreeMap<>(headers);
        settings = new TreeMap<>(settings);
    }

    CacheEndpoint(String provider, String model, String baseUrl, SortedMap<String, String> headers) {
        this(provider, model, baseUrl, headers, new TreeMap<>());
    }

    /** An endpoint with the provider's default URL and no headers, e.g. for tests. */
    static CacheEndpoint of(ModelInfo model) {
        return new CacheEndpoint(model.provider(), model.model(), "default", new TreeMap<>());
    }

    /**
     * The endpoint of a model as configured.
     *
     * @throws ConfigException when {@code rpt.cache.key-headers} names the header that carries the API key
     */
    static CacheEndpoint of(ModelSettings settings, ModelInfo model, RptConfig config) {
        SortedMap<String, String> headers = new TreeMap<>();
        for (String name : declaredHeaders(config)) {
            if (name.equalsIgnoreCase(settings.authHeader())) {
                throw new ConfigException(RptConstants.CACHE_KEY_HEADERS + " names " + name
                        + ", the header that carries the API key; a secret never goes into the cache key. Remove it.");
            }
            for (Map.Entry<String, String> header : settings.headers().entrySet()) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    headers.put(name.toLowerCase(Locale.ROOT), header.getValue());
                }
            }
        }
        String baseUrl =
                settings.baseUrl().map(url -> url.replaceAll("/+$", "")).orElse("default");
        SortedMap<String, String> replySettings = new TreeMap<>();
        for (String key : REPLY_SETTINGS) {
            config.string(key).map(String::strip).ifPresent(value -> replySettings.put(key, value));
        }
        return new CacheEndpoint(model.provider(), model.model(), baseUrl, headers, replySettings);
    }

    /**
     * The provider settings that change the reply without being part of the {@link dev.rpt.chat.ChatRequest}: how
     * long and how the model thinks, and how structured output and tools go out. Only keys that are set join the key,
     * so a cache written without them stays valid; changing one asks the model again.
     */
    static final List<String> REPLY_SETTINGS = List.of(
            RptConstants.REASONING_EFFORT,
            RptConstants.ANTHROPIC_THINKING,
            RptConstants.ANTHROPIC_THINKING_BUDGET,
            RptConstants.ANTHROPIC_STRUCTURED_OUTPUT,
            RptConstants.ANTHROPIC_STRICT_TOOLS);

    private static TreeSet<String> declaredHeaders(RptConfig config) {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        config.string(RptConstants.CACHE_KEY_HEADERS)
                .ifPresent(list -> Arrays.stream(list.split(","))
                        .map(String::strip)
                        .filter(name -> !name.isEmpty())
                        .forEach(names::add));
        return names;
    }
}
