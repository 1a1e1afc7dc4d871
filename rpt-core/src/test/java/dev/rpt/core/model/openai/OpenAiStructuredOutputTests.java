package dev.rpt.core.model.openai;

import static dev.rpt.core.model.openai.OpenAiFixtures.ENVIRONMENT;
import static dev.rpt.core.model.openai.OpenAiFixtures.body;
import static dev.rpt.core.model.openai.OpenAiFixtures.ok;
import static dev.rpt.core.model.openai.OpenAiFixtures.settings;
import static dev.rpt.core.model.openai.OpenAiFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.JsonSchema;
import dev.rpt.chat.ResponseFormat;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.TokenLogprob;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiStructuredOutputTests {

    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"string\"},"
            + "\"confidence\":{\"type\":\"number\"},\"justification\":{\"type\":\"string\"}},"
            + "\"required\":[\"answer\",\"confidence\",\"justification\"],\"additionalProperties\":false}";

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

    private static ChatRequest structuredRequest() {
        return ChatRequest.builder()
                .user("What is 9 + 9?")
                .responseFormat(new ResponseFormat("target_answer", new JsonSchema(SCHEMA), true))
                .temperature(0.0)
                .maxTokens(256)
                .logprobs(true, 5)
                .build();
    }

    @Test
    void sendsTheJsonSchemaFormatAndLogprobsInTheDocumentedOrder() throws Exception {
        server.enqueue(ok("structured-answer.json"));

        new OpenAiProvider().create(settings(server), ENVIRONMENT).chat(structuredRequest());

        RecordedRequest request = server.takeRequest();
        assertThat(body(request))
                .isEqualTo(
                        "{\"model\":\"gpt-4.1-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"What is 9 + 9?\"}],"
                                + "\"temperature\":0.0,\"max_completion_tokens\":256,"
                                + "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"target_answer\","
                                + "\"strict\":true,\"schema\":" + SCHEMA + "}},\"logprobs\":true,\"top_logprobs\":5}");
        JsonNode format = tree(request).get("response_format");
        assertThat(format.get("type").asText()).isEqualTo("json_schema");
        assertThat(format.get("json_schema").get("name").asText()).isEqualTo("target_answer");
        assertThat(format.get("json_schema").get("strict").booleanValue()).isTrue();
        assertThat(format.get("json_schema").get("schema")).isEqualTo(tree(SCHEMA));
        assertThat(tree(request).has("seed")).isFalse();
        assertThat(tree(request).has("tools")).isFalse();
        assertThat(tree(request).has("tool_choice")).isFalse();
    }

    @Test
    void readsTheStructuredAnswerAndItsTokenLogprobs() {
        server.enqueue(ok("structured-answer.json"));

        ChatResponse response =
                new OpenAiProvider().create(settings(server), ENVIRONMENT).chat(structuredRequest());

        JsonNode answer = tree(response.text());
        assertThat(answer.get("answer").asText()).isEqualTo("18");
        assertThat(answer.get("confidence").asDouble()).isEqualTo(0.92);
        assertThat(answer.get("justification").asText()).isEqualTo("9 + 9 = 18");
        assertThat(response.refusal()).isNull();
        assertThat(response.logprobs())
                .containsExactly(
                        new TokenLogprob(
                                "18",
                                -0.02,
                                List.of(
                                        new TokenLogprob.Alternative("18", -0.02),
                                        new TokenLogprob.Alternative("17", -4.1))),
                        new TokenLogprob("\"", -0.0001, List.of(new TokenLogprob.Alternative("\"", -0.0001))));
    }

    @Test
    void sendsTheLegacyMaxTokensFieldWhenConfigured() throws Exception {
        server.enqueue(ok("structured-answer.json"));
        OpenAiOptions legacy = new OpenAiOptions(OpenAiOptions.MaxTokensField.MAX_TOKENS);

        new OpenAiProvider().create(settings(server), legacy, ENVIRONMENT).chat(structuredRequest());

        JsonNode sent = tree(server.takeRequest());
        assertThat(sent.get("max_tokens").asInt()).isEqualTo(256);
        assertThat(sent.has("max_completion_tokens")).isFalse();
    }

    @Test
    void writesEqualRequestsAsEqualBytesWhateverTheSampleIndex() {
        ChatRequestWriter writer = new ChatRequestWriter("m", OpenAiOptions.DEFAULTS);

        byte[] first = writer.write(structuredRequest());
        byte[] other =
                writer.write(structuredRequest().toBuilder().sampleIndex(4).build());

        assertThat(other).isEqualTo(first);
    }

    @Test
    void rejectsASchemaThatIsNotJsonNamingTheFormat() {
        ChatRequest request = ChatRequest.builder()
                .user("x")
                .responseFormat(new ResponseFormat("target_answer", new JsonSchema("{\"type\": "), true))
                .build();

        assertThatThrownBy(() -> new ChatRequestWriter("m", OpenAiOptions.DEFAULTS).write(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target_answer");
    }
}
