package dev.rpt.core.model.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.ModelSettings;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnthropicHeadersTests {

    private final AnthropicServer server = new AnthropicServer();

    @AfterEach
    void close() {
        server.close();
    }

    private RecordedRequest sendOnce(ChatModel model) {
        server.enqueueResource("text-response.json");
        model.chat(ChatRequest.builder().user("Hi").build());
        return server.take();
    }

    @Test
    void sendsKeyVersionAndContentTypeToTheMessagesPath() {
        RecordedRequest request = sendOnce(server.model());

        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/messages");
        assertThat(request.getHeaders().get("x-api-key")).isEqualTo(AnthropicServer.FAKE_KEY);
        assertThat(request.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.getHeaders().get("content-type")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("authorization")).isNull();
    }

    @Test
    void aGatewayThatWantsABearerTokenGetsOneWithRptAuthHeader() {
        // Bedrock's and Ollama's Anthropic-compatible endpoints authenticate with Authorization: Bearer.
        ModelSettings settings = ModelSettings.from(dev.rpt.core.config.RptConfig.of(Map.of(
                "rpt.provider", "anthropic",
                "rpt.model", "claude-x",
                "rpt.base-url", server.server.url("/").toString(),
                "rpt.auth-header", "authorization")));

        RecordedRequest request = sendOnce(server.model(settings));

        assertThat(request.getHeaders().get("authorization")).isEqualTo("Bearer " + AnthropicServer.FAKE_KEY);
        assertThat(request.getHeaders().get("x-api-key")).isNull();
        assertThat(ModelSettings.from(dev.rpt.core.config.RptConfig.of(
                                Map.of("rpt.provider", "anthropic", "rpt.model", "claude-x")))
                        .authHeader())
                .as("Anthropic's own API takes x-api-key by default")
                .isEqualTo("x-api-key");
    }

    @Test
    void aBaseUrlEndingInV1ReachesTheSameEndpoint() {
        ModelSettings settings = ModelSettings.of(
                "anthropic", "claude-x", server.server.url("/v1/").toString(), "ANTHROPIC_API_KEY");

        RecordedRequest request = sendOnce(server.model(settings));

        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/messages");
    }

    @Test
    void aBaseUrlWithAPathPrefixKeepsIt() {
        ModelSettings settings = ModelSettings.of(
                "anthropic", "claude-x", server.server.url("/proxy/anthropic").toString(), "ANTHROPIC_API_KEY");

        RecordedRequest request = sendOnce(server.model(settings));

        assertThat(request.getUrl().encodedPath()).isEqualTo("/proxy/anthropic/v1/messages");
    }

    @Test
    void defaultBaseIsThePublicApi() {
        assertThat(MessagesUrl.resolve(java.util.Optional.empty())).isEqualTo("https://api.anthropic.com/v1/messages");
    }

    @Test
    void noneAuthSendsNoKeyHeader() {
        ModelSettings settings =
                ModelSettings.of("anthropic", "claude-x", server.server.url("/").toString(), "none");

        ChatModel model = new AnthropicProvider().create(settings, name -> {
            throw new AssertionError("no variable should be read, asked for " + name);
        });

        RecordedRequest request = sendOnce(model);

        assertThat(request.getHeaders().get("x-api-key")).isNull();
        assertThat(request.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
    }

    @Test
    void emptyKeyVariableSendsNoKeyHeader() {
        ModelSettings settings = new ModelSettings(
                "anthropic",
                "claude-x",
                java.util.Optional.of(server.server.url("/").toString()),
                java.util.Optional.empty(),
                "x-api-key",
                Map.of(),
                "2023-06-01",
                java.time.Duration.ofSeconds(5));

        RecordedRequest request = sendOnce(server.model(settings));

        assertThat(request.getHeaders().get("x-api-key")).isNull();
        assertThat(request.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
    }

    @Test
    void extraHeadersAreSentButCannotReplaceTheKeyOrVersion() {
        ModelSettings settings = new ModelSettings(
                        "anthropic",
                        "claude-x",
                        java.util.Optional.of(server.server.url("/").toString()),
                        java.util.Optional.of("ANTHROPIC_API_KEY"),
                        "x-api-key",
                        Map.of(),
                        "2024-01-01",
                        java.time.Duration.ofSeconds(5))
                .withHeaders(Map.of(
                        "anthropic-beta", "tools-2024-04-04", "x-api-key", "other", "anthropic-version", "1999"));

        RecordedRequest request = sendOnce(server.model(settings));

        assertThat(request.getHeaders().get("anthropic-beta")).isEqualTo("tools-2024-04-04");
        assertThat(request.getHeaders().values("x-api-key")).containsExactly(AnthropicServer.FAKE_KEY);
        assertThat(request.getHeaders().values("anthropic-version")).containsExactly("2024-01-01");
    }

    @Test
    void aMissingKeyVariableFailsAtCreationNamingIt() {
        assertThatThrownBy(() -> new AnthropicProvider().create(server.settings(), name -> null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ANTHROPIC_API_KEY");
    }

    @Test
    void theKeyIsReadOnceAtCreation() {
        int[] reads = {0};
        ChatModel model = new AnthropicProvider().create(server.settings(), name -> {
            reads[0]++;
            return AnthropicServer.FAKE_KEY;
        });

        sendOnce(model);
        sendOnce(model);

        assertThat(reads[0]).isEqualTo(1);
    }

    @Test
    void infoAndToStringNameTheModelButNotTheKey() {
        ChatModel model = server.model();

        assertThat(new AnthropicProvider().id()).isEqualTo("anthropic");
        assertThat(model.info()).isEqualTo(new ModelInfo("anthropic", "claude-sonnet-4-5", false));
        assertThat(model.toString())
                .contains("claude-sonnet-4-5")
                .contains("ANTHROPIC_API_KEY")
                .doesNotContain(AnthropicServer.FAKE_KEY);
    }
}
