package dev.rpt.core.model.openai;

import static dev.rpt.core.model.openai.OpenAiFixtures.ENVIRONMENT;
import static dev.rpt.core.model.openai.OpenAiFixtures.KEY;
import static dev.rpt.core.model.openai.OpenAiFixtures.body;
import static dev.rpt.core.model.openai.OpenAiFixtures.json;
import static dev.rpt.core.model.openai.OpenAiFixtures.ok;
import static dev.rpt.core.model.openai.OpenAiFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.api.Usage;
import dev.rpt.core.model.EmbeddingModel;
import dev.rpt.core.model.Embeddings;
import dev.rpt.core.model.MalformedResponseException;
import dev.rpt.core.model.ModelInfo;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiEmbeddingModelTests {

    private MockWebServer server;
    private EmbeddingModel model;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        model = new OpenAiProvider().createEmbeddings(settings(server), "text-embedding-3-small", ENVIRONMENT);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void postsTheInputsAndReturnsVectorsInInputOrder() throws Exception {
        server.enqueue(ok("embeddings.json"));

        Embeddings embeddings = model.embed(List.of("off by one", "wrong unit"));
        List<double[]> vectors = embeddings.vectors();

        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/embeddings");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(body(request))
                .isEqualTo("{\"model\":\"text-embedding-3-small\",\"input\":[\"off by one\",\"wrong unit\"]}");
        assertThat(vectors).hasSize(2);
        assertThat(vectors.get(0)).containsExactly(0.125, 0.0, -1.5);
        assertThat(vectors.get(1)).containsExactly(0.5, -0.25, 1.0);
        assertThat(model.info()).isEqualTo(new ModelInfo("openai", "text-embedding-3-small", false));
        assertThat(embeddings.usage()).isEqualTo(Usage.of(8, 0));
    }

    @Test
    void embedsNothingWithoutACall() {
        assertThat(model.embed(List.of())).isEqualTo(Embeddings.NONE);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void rejectsAResponseWithTheWrongNumberOfVectors() {
        server.enqueue(json(200, "{\"data\":[{\"index\":0,\"embedding\":[1.0]}]}"));

        assertThatThrownBy(() -> model.embed(List.of("a", "b")))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("2 inputs");
    }

    @Test
    void rejectsARepeatedIndex() {
        server.enqueue(json(200, "{\"data\":[{\"index\":0,\"embedding\":[1.0]},{\"index\":0,\"embedding\":[2.0]}]}"));

        assertThatThrownBy(() -> model.embed(List.of("a", "b")))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("index");
    }

    @Test
    void rejectsABase64Embedding() {
        server.enqueue(json(200, "{\"data\":[{\"index\":0,\"embedding\":\"AAAA\"}]}"));

        assertThatThrownBy(() -> model.embed(List.of("a")))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("not a list of numbers");
    }
}
