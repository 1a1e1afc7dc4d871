package dev.rpt.core.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.model.ModelInfo;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * What a run report states before its cases.
 *
 * @param runId the run's id, also its directory name under {@code runs/}
 * @param startedAt when the run started
 * @param model the target model; a simulator says so
 * @param configuration the {@code rpt.*} configuration in effect, passed through {@link #redact} by the constructor so
 *     that a secret cannot reach the report even when the caller forgets to redact
 */
@API(status = INTERNAL, since = "0.1")
public record RunHeader(String runId, Instant startedAt, ModelInfo model, SortedMap<String, String> configuration) {

    /** What a masked value is replaced with. */
    public static final String REDACTED = "****";

    public RunHeader {
        Objects.requireNonNull(runId, "runId");
        if (runId.isBlank() || runId.contains("/") || runId.contains("\\") || runId.equals("..")) {
            // The id names a directory under runs/; anything else could write outside it.
            throw new IllegalArgumentException(
                    "runId must be a non-blank name without path separators, got '" + runId + "'");
        }
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(configuration, "configuration (use an empty map for none)");
        configuration = redact(configuration);
    }

    /**
     * The configuration as it may be written down. API keys are never configuration (only the name of their variable,
     * {@code rpt.api-key-env}, is), but a value is masked when its key is a credential-like header ({@code
     * rpt.headers.*} naming an authorization, key, token or cookie), when its key names a secret, password, credential
     * or API key, or when the value itself looks like a bearer token or an {@code sk-} API key.
     *
     * @param configuration the keys and values to write
     * @return a sorted copy with every credential-like value replaced by {@link #REDACTED}
     */
    public static SortedMap<String, String> redact(Map<String, String> configuration) {
        SortedMap<String, String> safe = new TreeMap<>();
        configuration.forEach((key, value) -> {
            Objects.requireNonNull(key, "configuration key");
            Objects.requireNonNull(value, () -> "the value of configuration key " + key);
            safe.put(key, looksSecret(key, value) ? REDACTED : value);
        });
        return safe;
    }

    private static boolean looksSecret(String key, String value) {
        String lower = key.toLowerCase(Locale.ROOT);
        boolean credentialHeader = lower.startsWith("rpt.headers.")
                && (lower.contains("authorization")
                        || lower.contains("key")
                        || lower.contains("token")
                        || lower.contains("cookie"));
        // rpt.api-key-env names a variable and rpt.max-tokens counts tokens: neither holds a secret.
        boolean secretKey = lower.contains("secret")
                || lower.contains("password")
                || lower.contains("credential")
                || lower.endsWith("api-key")
                || lower.endsWith("apikey");
        String trimmed = value.strip().toLowerCase(Locale.ROOT);
        boolean secretValue = trimmed.startsWith("bearer ") || trimmed.startsWith("sk-");
        return credentialHeader || secretKey || secretValue;
    }
}
