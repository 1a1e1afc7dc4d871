package dev.rpt.core.model.openai;

import static dev.rpt.core.model.openai.OpenAiFixtures.ENVIRONMENT;
import static dev.rpt.core.model.openai.OpenAiFixtures.KEY;
import static dev.rpt.core.model.openai.OpenAiFixtures.KEY_VARIABLE;
import static dev.rpt.core.model.openai.OpenAiFixtures.MODEL;
import static dev.rpt.core.model.openai.OpenAiFixtures.ok;
import static dev.rpt.core.model.openai.OpenAiFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.ModelSettings;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiHeadersTests {

    private static final ChatRequest HELLO = ChatRequest.builder().user("hello").build();

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RecordedRequest send(ModelSettings settings) throws InterruptedException {
        server.enqueue(ok("final-answer.json"));
        new OpenAiProvider().create(settings, ENVIRONMENT).chat(HELLO);
        return server.takeRequest();
    }

    @Test
    void postsJsonToChatCompletionsBelowTheV1BaseWithABearerKey() throws Exception {
        RecordedRequest request = send(settings(server));

        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.getHeaders().get("api-key")).isNull();
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    }

    @Test
    void toleratesATrailingSlashOnTheBaseUrl() throws Exception {
        ModelSettings settings =
                ModelSettings.of("openai", MODEL, server.url("/v1/").toString(), KEY_VARIABLE);

        assertThat(send(settings).getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void appendsTheEndpointToABaseUrlWithoutAPath() throws Exception {
        ModelSettings settings =
                ModelSettings.of("openai", MODEL, server.url("/").toString(), KEY_VARIABLE);

        assertThat(send(settings).getUrl().encodedPath()).isEqualTo("/chat/completions");
    }

    @Test
    void sendsTheAzureApiKeyHeaderAndKeepsTheApiVersionQuery() throws Exception {
        String base = server.url("/openai/deployments/gpt-4o-prod").toString() + "?api-version=2024-10-21";
        ModelSettings settings =
                ModelSettings.of("openai", "gpt-4o-prod", base, KEY_VARIABLE).withAuthHeader("api-key");

        RecordedRequest request = send(settings);

        assertThat(request.getHeaders().get("api-key")).isEqualTo(KEY);
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/deployments/gpt-4o-prod/chat/completions");
        assertThat(request.getUrl().queryParameter("api-version")).isEqualTo("2024-10-21");
    }

    @Test
    void sendsNoAuthenticationWithoutAKeyVariable() throws Exception {
        ModelSettings settings =
                ModelSettings.of("openai", "llama3.2", server.url("/v1").toString(), null);

        RecordedRequest request = send(settings);

        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(request.getHeaders().get("api-key")).isNull();
    }

    @Test
    void treatsTheKeyVariableNoneAsNoAuthentication() throws Exception {
        ModelSettings settings =
                ModelSettings.of("openai", "llama3.2", server.url("/v1").toString(), "none");

        assertThat(send(settings).getHeaders().get("Authorization")).isNull();
    }

    @Test
    void sendsExtraHeaders() throws Exception {
        ModelSettings settings = settings(server)
                .withHeaders(Map.of(
                        "HTTP-Referer", "https://example.org/rpt",
                        "X-Title", "rpt tests",
                        "OpenAI-Organization", "org-123",
                        "OpenAI-Project", "proj_456"));

        RecordedRequest request = send(settings);

        assertThat(request.getHeaders().get("HTTP-Referer")).isEqualTo("https://example.org/rpt");
        assertThat(request.getHeaders().get("X-Title")).isEqualTo("rpt tests");
        assertThat(request.getHeaders().get("OpenAI-Organization")).isEqualTo("org-123");
        assertThat(request.getHeaders().get("OpenAI-Project")).isEqualTo("proj_456");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void readsTheKeyOnceAtCreation() throws Exception {
        String[] value = {KEY};
        ChatModel model = new OpenAiProvider().create(settings(server), name -> value[0]);
        value[0] = "sk-changed-later";
        server.enqueue(ok("final-answer.json"));

        model.chat(HELLO);

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void failsAtCreationNamingAMissingKeyVariable() {
        assertThatThrownBy(() -> new OpenAiProvider().create(settings(server), name -> null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(KEY_VARIABLE);
    }

    @Test
    void failsAtCreationNamingAnInvalidBaseUrl() {
        ModelSettings settings = ModelSettings.of("openai", MODEL, "localhost:11434/v1", KEY_VARIABLE);

        assertThatThrownBy(() -> new OpenAiProvider().create(settings, ENVIRONMENT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.base-url")
                .hasMessageContaining("localhost:11434/v1");
    }

    @Test
    void failsAtCreationNamingAnInvalidExtraHeader() {
        ModelSettings settings = settings(server).withHeaders(Map.of("X-Title", "line\nbreak"));

        assertThatThrownBy(() -> new OpenAiProvider().create(settings, ENVIRONMENT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.headers.X-Title");
    }

    @Test
    void describesItselfAsARealOpenAiModelWithoutTheKey() {
        ChatModel model = new OpenAiProvider().create(settings(server), ENVIRONMENT);

        assertThat(model.info()).isEqualTo(new ModelInfo("openai", MODEL, false));
        assertThat(model.toString()).contains(KEY_VARIABLE).doesNotContain(KEY);
        assertThat(new OpenAiProvider().id()).isEqualTo("openai");
    }

    @Test
    void usesThePublicOpenAiEndpointByDefault() {
        ModelSettings settings = ModelSettings.of("openai", MODEL, null, KEY_VARIABLE);

        assertThat(OpenAiTransport.create(settings, ENVIRONMENT).urlOf("chat/completions"))
                .isEqualTo("https://api.openai.com/v1/chat/completions");
    }
}
