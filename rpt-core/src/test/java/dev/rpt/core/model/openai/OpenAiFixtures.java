package dev.rpt.core.model.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.core.model.ModelSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Shared test data: a recognisable fake key, canned responses and settings pointing at a MockWebServer. */
final class OpenAiFixtures {

    static final String KEY_VARIABLE = "RPT_TEST_OPENAI_KEY";
    static final String KEY = "fake-test-SECRET-4f9c2b7e1d";
    static final UnaryOperator<String> ENVIRONMENT = name -> name.equals(KEY_VARIABLE) ? KEY : null;
    static final String MODEL = "gpt-4.1-mini";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OpenAiFixtures() {}

    /** Settings for the server's {@code /v1} root with the fake key as a bearer token. */
    static ModelSettings settings(MockWebServer server) {
        return ModelSettings.of("openai", MODEL, server.url("/v1").toString(), KEY_VARIABLE);
    }

    static String resource(String name) {
        try (InputStream in = OpenAiFixtures.class.getResourceAsStream("/openai/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /openai/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    static MockResponse ok(String resourceName) {
        return json(200, resource(resourceName));
    }

    static String body(RecordedRequest request) {
        return request.getBody() == null ? "" : request.getBody().utf8();
    }

    static JsonNode tree(RecordedRequest request) {
        try {
            return MAPPER.readTree(body(request));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
