package dev.rpt.core.model.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ModelSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A MockWebServer standing in for api.anthropic.com, with the fixtures the provider tests share. */
final class AnthropicServer implements AutoCloseable {

    /** Recognisable, so a leak into any message or toString is easy to assert against. */
    static final String FAKE_KEY = "fake-ant-key-7f3a9c2e-never-print-me";

    static final String MODEL = "claude-sonnet-4-5";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    final MockWebServer server = new MockWebServer();

    AnthropicServer() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings pointing at this server, with the key in {@code ANTHROPIC_API_KEY}. */
    ModelSettings settings() {
        return ModelSettings.of("anthropic", MODEL, server.url("/").toString(), "ANTHROPIC_API_KEY");
    }

    ChatModel model() {
        return model(settings());
    }

    ChatModel model(ModelSettings settings) {
        return new AnthropicProvider().create(settings, name -> name.equals("ANTHROPIC_API_KEY") ? FAKE_KEY : null);
    }

    void enqueue(int status, String body) {
        server.enqueue(new MockResponse.Builder()
                .code(status)
                .setHeader("content-type", "application/json")
                .body(body)
                .build());
    }

    void enqueueResource(String name) {
        enqueue(200, resource(name));
    }

    RecordedRequest take() {
        try {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("the provider sent no request");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String body(RecordedRequest request) {
        return request.getBody() == null ? "" : request.getBody().utf8();
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** A fixture under {@code src/test/resources/anthropic/}, without its trailing newline. */
    static String resource(String name) {
        try (InputStream in = AnthropicServer.class.getResourceAsStream("/anthropic/" + name)) {
            if (in == null) {
                throw new AssertionError("missing test resource anthropic/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
