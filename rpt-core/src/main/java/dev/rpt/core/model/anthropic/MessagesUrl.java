package dev.rpt.core.model.anthropic;

import java.util.Optional;

/**
 * Resolves the Messages endpoint from {@code rpt.base-url}. Like Anthropic's own SDKs ({@code ANTHROPIC_BASE_URL}),
 * the base is the host root without {@code /v1}; a base that does end in {@code /v1} (the OpenAI habit) is accepted
 * too, so both {@code https://api.anthropic.com} and {@code https://api.anthropic.com/v1} reach the same endpoint.
 */
final class MessagesUrl {

    static final String DEFAULT_BASE = "https://api.anthropic.com";

    private MessagesUrl() {}

    static String resolve(Optional<String> baseUrl) {
        String base = baseUrl.map(String::strip).filter(s -> !s.isEmpty()).orElse(DEFAULT_BASE);
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (base.endsWith("/v1")) {
            base = base.substring(0, base.length() - "/v1".length());
        }
        return base + "/v1/messages";
    }
}
