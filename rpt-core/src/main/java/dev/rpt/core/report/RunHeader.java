package dev.rpt.core.report;

import dev.rpt.core.model.ModelInfo;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a run report states before its cases.
 *
 * @param runId the run's id, also its directory name under {@code runs/}
 * @param startedAt when the run started
 * @param model the target model; a simulator says so
 * @param configuration the {@code rpt.*} configuration in effect; secrets never reach it (see {@link #redact})
 */
public record RunHeader(String runId, Instant startedAt, ModelInfo model, SortedMap<String, String> configuration) {

    private static final String REDACTED = "****";

    public RunHeader {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(model, "model");
        configuration = new TreeMap<>(configuration);
    }

    /**
     * The configuration as it may be written down: API keys are never configuration (only the name of their variable
     * is), but a header named like a credential is masked in case someone put one there.
     */
    public static SortedMap<String, String> redact(Map<String, String> configuration) {
        SortedMap<String, String> safe = new TreeMap<>();
        configuration.forEach((key, value) -> safe.put(key, looksSecret(key) ? REDACTED : value));
        return safe;
    }

    private static boolean looksSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        boolean credentialHeader = lower.startsWith("rpt.headers.")
                && (lower.contains("authorization")
                        || lower.contains("key")
                        || lower.contains("token")
                        || lower.contains("cookie"));
        return credentialHeader || lower.contains("secret") || lower.contains("password");
    }
}
