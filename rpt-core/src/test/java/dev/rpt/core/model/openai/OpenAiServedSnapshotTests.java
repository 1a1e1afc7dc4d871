package dev.rpt.core.model.openai;

import static dev.rpt.core.model.openai.OpenAiFixtures.ENVIRONMENT;
import static dev.rpt.core.model.openai.OpenAiFixtures.json;
import static dev.rpt.core.model.openai.OpenAiFixtures.ok;
import static dev.rpt.core.model.openai.OpenAiFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ChatResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a reply says about the model that served it: the dated snapshot in {@code model} and the backend configuration
 * in {@code system_fingerprint}, which the response cache keeps to notice a model changed behind its name. The body is
 * the example of OpenAI's Chat Completions reference.
 */
class OpenAiServedSnapshotTests {

    private static final ChatRequest HELLO =
            ChatRequest.builder().user("Hello!").build();

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

    private ChatResponse reply() {
        return new OpenAiProvider().create(settings(server), ENVIRONMENT).chat(HELLO);
    }

    @Test
    void readsTheServedModelAndItsSystemFingerprint() {
        server.enqueue(ok("served-snapshot.json"));

        ChatResponse response = reply();

        assertThat(response.model()).isEqualTo("gpt-4.1-2025-04-14");
        assertThat(response.systemFingerprint()).isEqualTo("fp_50cad350e4");
        assertThat(response.asCached().systemFingerprint()).isEqualTo("fp_50cad350e4");
    }

    @Test
    void aServerWithoutAFingerprintOrANullOneGivesNone() {
        server.enqueue(ok("final-answer.json"));
        server.enqueue(json(
                200,
                "{\"model\":\"local\",\"system_fingerprint\":null,\"choices\":[{\"finish_reason\":\"stop\","
                        + "\"message\":{\"content\":\"hi\"}}]}"));

        assertThat(reply().systemFingerprint()).isNull();
        assertThat(reply().systemFingerprint()).isNull();
    }
}
