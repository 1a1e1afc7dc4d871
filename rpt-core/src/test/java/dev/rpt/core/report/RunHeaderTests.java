package dev.rpt.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.model.ModelInfo;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What of the configuration may reach a report. */
class RunHeaderTests {

    private static final ModelInfo MODEL = new ModelInfo("openai", "gpt-4.1-mini", false);

    @Test
    void masksCredentialLikeHeaders() {
        Map<String, String> safe = RunHeader.redact(Map.of(
                "rpt.headers.Authorization", "Basic dXNlcjpwYXNz",
                "rpt.headers.X-Api-Key", "abc123",
                "rpt.headers.X-Auth-Token", "t0k3n",
                "rpt.headers.Cookie", "session=42",
                "rpt.headers.OpenAI-Organization", "org-123"));

        assertThat(safe)
                .containsEntry("rpt.headers.Authorization", RunHeader.REDACTED)
                .containsEntry("rpt.headers.X-Api-Key", RunHeader.REDACTED)
                .containsEntry("rpt.headers.X-Auth-Token", RunHeader.REDACTED)
                .containsEntry("rpt.headers.Cookie", RunHeader.REDACTED)
                .containsEntry("rpt.headers.OpenAI-Organization", "org-123");
    }

    @Test
    void keepsKeysThatOnlyMentionTokensOrTheKeyVariable() {
        Map<String, String> safe = RunHeader.redact(Map.of(
                "rpt.max-tokens", "256",
                "rpt.api-key-env", "OPENAI_API_KEY",
                "rpt.auth-header", "api-key",
                "rpt.openai.max-tokens-field", "max_completion_tokens"));

        assertThat(safe)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "rpt.max-tokens", "256",
                        "rpt.api-key-env", "OPENAI_API_KEY",
                        "rpt.auth-header", "api-key",
                        "rpt.openai.max-tokens-field", "max_completion_tokens"));
    }

    @Test
    void masksSecretKeysAndValuesThatLookLikeKeysWhereverTheyAre() {
        Map<String, String> safe = RunHeader.redact(Map.of(
                "rpt.proxy.password", "hunter2",
                "rpt.client-secret", "xyz",
                "rpt.openai.api-key", "whatever",
                "rpt.model", "sk-proj-0123456789",
                "rpt.base-url", "Bearer abc"));

        assertThat(safe.values()).containsOnly(RunHeader.REDACTED);
    }

    @Test
    void theConstructorRedactsSoAForgetfulCallerCannotLeakASecret() {
        RunHeader header = new RunHeader(
                "run-1",
                Instant.EPOCH,
                MODEL,
                new java.util.TreeMap<>(Map.of("rpt.headers.Authorization", "Bearer x")));

        assertThat(header.configuration()).containsEntry("rpt.headers.Authorization", RunHeader.REDACTED);
        assertThat(header.configuration().toString()).doesNotContain("Bearer x");
    }

    @Test
    void aNullValueIsNamed() {
        Map<String, String> withNull = new java.util.HashMap<>();
        withNull.put("rpt.model", null);

        assertThatThrownBy(() -> RunHeader.redact(withNull))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("rpt.model");
    }

    @Test
    void rejectsARunIdThatIsNotADirectoryName() {
        for (String bad : new String[] {"", " ", "../x", "a/b", "a\\b", ".."}) {
            assertThatThrownBy(() -> new RunHeader(bad, Instant.EPOCH, MODEL, new java.util.TreeMap<>()))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("runId");
        }
    }
}
