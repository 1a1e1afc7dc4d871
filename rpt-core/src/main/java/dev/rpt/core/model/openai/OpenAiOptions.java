package dev.rpt.core.model.openai;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.apiguardian.api.API;

/**
 * Settings only the {@code openai} provider reads, beyond the shared {@link dev.rpt.core.model.ModelSettings}.
 *
 * @param maxTokensField the request field that carries the output token limit
 * @param reasoningEffort {@code reasoning_effort} for reasoning models ({@code rpt.reasoning-effort}), if set
 */
@API(status = INTERNAL, since = "0.1")
public record OpenAiOptions(MaxTokensField maxTokensField, Optional<String> reasoningEffort) {

    /**
     * The values OpenAI's reasoning models and the compatible servers are known to take; any other single word is sent
     * too, for the server to judge (it answers a value it does not take with a 400 that names the setting), since new
     * levels arrive with new models.
     */
    public static final List<String> REASONING_EFFORTS =
            List.of("none", "minimal", "low", "medium", "high", "xhigh", "max");

    /** What a reasoning effort must look like to be sent: one lower-case word. */
    private static final Pattern EFFORT_WORD = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    /** The defaults: {@code max_completion_tokens}, no reasoning effort. */
    public static final OpenAiOptions DEFAULTS =
            new OpenAiOptions(MaxTokensField.MAX_COMPLETION_TOKENS, Optional.empty());

    public OpenAiOptions {
        Objects.requireNonNull(maxTokensField, "maxTokensField");
        Objects.requireNonNull(reasoningEffort, "reasoningEffort");
    }

    /** Options with this output-limit field and no reasoning effort. */
    public OpenAiOptions(MaxTokensField maxTokensField) {
        this(maxTokensField, Optional.empty());
    }

    /**
     * Reads {@link RptConstants#OPENAI_MAX_TOKENS_FIELD} and {@link RptConstants#REASONING_EFFORT}.
     *
     * @throws dev.rpt.core.config.ConfigException naming the key when a value is not one it takes
     */
    public static OpenAiOptions from(RptConfig config) {
        List<String> names = Arrays.stream(MaxTokensField.values())
                .map(MaxTokensField::wireName)
                .toList();
        MaxTokensField field = config.choice(RptConstants.OPENAI_MAX_TOKENS_FIELD, names)
                .map(MaxTokensField::ofWireName)
                .orElse(defaultField(config.string(RptConstants.BASE_URL)));
        Optional<String> effort = config.string(RptConstants.REASONING_EFFORT).map(String::strip);
        if (effort.isPresent() && !EFFORT_WORD.matcher(effort.get()).matches()) {
            throw RptConfig.invalid(
                    RptConstants.REASONING_EFFORT,
                    effort.get(),
                    "one lower-case word the server takes, e.g. " + String.join(", ", REASONING_EFFORTS));
        }
        return new OpenAiOptions(field, effort);
    }

    /**
     * The output-limit field when {@code rpt.openai.max-tokens-field} is unset, by a stated rule on the base URL: {@code
     * max_tokens} for Mistral's API (host {@code api.mistral.ai}, which answers {@code max_completion_tokens} with 422
     * {@code extra_forbidden}) and for Ollama (port 11434, its default, whose OpenAI-compatible request has only {@code
     * max_tokens} and drops the other silently, leaving the output unbounded); {@code max_completion_tokens} for every
     * other server, OpenAI's reasoning models taking only that one.
     */
    static MaxTokensField defaultField(Optional<String> baseUrl) {
        if (baseUrl.isEmpty()) {
            return MaxTokensField.MAX_COMPLETION_TOKENS;
        }
        HttpUrl url = HttpUrl.parse(baseUrl.get());
        if (url != null && (url.host().equals("api.mistral.ai") || url.port() == 11434)) {
            return MaxTokensField.MAX_TOKENS;
        }
        return MaxTokensField.MAX_COMPLETION_TOKENS;
    }

    /** The name of the output token limit in a Chat Completions request. */
    public enum MaxTokensField {
        /** The current name; OpenAI's reasoning models accept only this one. */
        MAX_COMPLETION_TOKENS("max_completion_tokens"),
        /** The deprecated name that older OpenAI-compatible servers still expect. */
        MAX_TOKENS("max_tokens");

        private final String wireName;

        MaxTokensField(String wireName) {
            this.wireName = wireName;
        }

        /** The JSON field name, as configured and as sent. */
        public String wireName() {
            return wireName;
        }

        static MaxTokensField ofWireName(String name) {
            return Arrays.stream(values())
                    .filter(field -> field.wireName.equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown max-tokens field " + name));
        }
    }
}
