package dev.rpt.core.model.openai;

import static dev.rpt.core.model.openai.OpenAiFixtures.ENVIRONMENT;
import static dev.rpt.core.model.openai.OpenAiFixtures.KEY_VARIABLE;
import static dev.rpt.core.model.openai.OpenAiFixtures.body;
import static dev.rpt.core.model.openai.OpenAiFixtures.json;
import static dev.rpt.core.model.openai.OpenAiFixtures.ok;
import static dev.rpt.core.model.openai.OpenAiFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.api.ToolCall;
import dev.rpt.api.Usage;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.JsonSchema;
import dev.rpt.chat.ResponseFormat;
import dev.rpt.chat.ToolChoice;
import dev.rpt.chat.ToolDefinition;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.BadRequestException;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.model.MalformedResponseException;
import dev.rpt.core.model.ModelException;
import dev.rpt.core.model.ModelSettings;
import dev.rpt.core.model.RateLimitedException;
import dev.rpt.core.model.ServerErrorException;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code openai-responses} provider against MockWebServer: the request bytes rpt sends and the replies it reads,
 * in the shapes of openai-python's {@code types/responses/} (see {@code src/test/resources/openai/responses/SOURCES.md}
 * for each fixture's source and commit).
 */
class OpenAiResponsesTests {

    private static final ResponseFormat ANSWER = new ResponseFormat(
            "target_answer",
            new JsonSchema("{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"string\"},"
                    + "\"confidence\":{\"type\":\"number\"}},\"required\":[\"answer\",\"confidence\"]}"),
            true);
    private static final ToolDefinition EVALUATE = new ToolDefinition(
            "evaluate_prompt",
            "Run the prompt tests and return a diagnostic report.",
            new JsonSchema("{\"type\":\"object\",\"properties\":{\"prompt\":{\"type\":\"string\"}},"
                    + "\"required\":[\"prompt\"],\"additionalProperties\":false}"),
            true);

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

    private ChatModel model(Map<String, String> config) {
        ModelSettings settings = ModelSettings.of(
                OpenAiResponsesProvider.ID, "gpt-5.2-pro", server.url("/v1").toString(), KEY_VARIABLE);
        return new OpenAiResponsesProvider().create(settings, RptConfig.of(config), ENVIRONMENT);
    }

    private static String resource(String name) {
        return OpenAiFixtures.resource("responses/" + name);
    }

    @Test
    void aStructuredCallGoesOutAsInstructionsInputTextFormatAndReasoningWithStoreOff() throws Exception {
        server.enqueue(json(200, resource("completed-text.json")));

        ChatResponse reply = model(Map.of("rpt.reasoning-effort", "high"))
                .chat(ChatRequest.builder()
                        .system("You solve arithmetic.")
                        .system("Answer in JSON.")
                        .user("What is 9 + 9?")
                        .responseFormat(ANSWER)
                        .maxTokens(2000)
                        .temperature(1.0)
                        .seed(7L)
                        .logprobs(true, 2)
                        .build());

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/responses");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + OpenAiFixtures.KEY);
        // The optional field becomes required and nullable, the object closed: OpenAI's strict mode.
        assertThat(body(sent))
                .isEqualTo("{\"model\":\"gpt-5.2-pro\",\"instructions\":\"You solve arithmetic.\\n\\nAnswer in JSON.\","
                        + "\"input\":[{\"role\":\"user\",\"content\":\"What is 9 + 9?\"}],\"temperature\":1.0,"
                        + "\"max_output_tokens\":2000,\"reasoning\":{\"effort\":\"high\"},\"text\":{\"format\":"
                        + "{\"type\":\"json_schema\",\"name\":\"target_answer\",\"strict\":true,\"schema\":"
                        + "{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"string\"},\"confidence\":"
                        + "{\"type\":\"number\"}},\"required\":[\"answer\",\"confidence\"],"
                        + "\"additionalProperties\":false}}},\"include\":[\"message.output_text.logprobs\"],"
                        + "\"top_logprobs\":2,\"store\":false}");
        // The reasoning summary is not the answer; the text parts are joined.
        assertThat(reply.text()).isEqualTo("{\"answer\":\"18\",\"confidence\":0.9}");
        assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(reply.model()).isEqualTo("gpt-5.2-pro-2026-03-01");
        assertThat(reply.usage()).isEqualTo(new Usage(120, 250, 370, 64, 230, 0, 0));
        assertThat(reply.logprobs()).singleElement().satisfies(token -> {
            assertThat(token.token()).isEqualTo("{\"");
            assertThat(token.logprob()).isEqualTo(-0.001);
            assertThat(token.topLogprobs()).hasSize(2);
        });
    }

    @Test
    void toolCallsComeBackAsFunctionCallItemsAndTheirResultsGoOutAsFunctionCallOutputs() throws Exception {
        server.enqueue(json(200, resource("function-calls.json")));
        server.enqueue(json(200, resource("completed-text.json")));
        ChatModel model = model(Map.of());
        ChatRequest first = ChatRequest.builder()
                .system("You are the RPT controller.")
                .user("Evaluate the current prompt.")
                .tools(List.of(EVALUATE))
                .toolChoice(ToolChoice.REQUIRED)
                .parallelToolCalls(true)
                .build();

        ChatResponse calls = model.chat(first);
        ChatRequest second = ChatRequest.builder()
                .system("You are the RPT controller.")
                .user("Evaluate the current prompt.")
                .message(ChatMessage.assistant(null, calls.toolCalls()))
                .message(ChatMessage.toolResult("call_A1", "{\"accuracy\":0.7}"))
                .message(ChatMessage.toolError("call_B2", "Unknown failure mode: arithmetic slip"))
                .tools(List.of(EVALUATE))
                .toolChoice(new ToolChoice.Function("evaluate_prompt"))
                .build();
        model.chat(second);

        assertThat(calls.toolCalls())
                .containsExactly(
                        new ToolCall("call_A1", "evaluate_prompt", "{\"prompt\":\"Solve step by step.\"}"),
                        new ToolCall("call_B2", "inspect_failures", "{\"mode\":\"arithmetic slip\"}"));
        assertThat(calls.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(calls.text()).isNull();
        assertThat(calls.usage()).isEqualTo(new Usage(900, 70, 970, 0, 20, 512, 0));
        assertThat(body(server.takeRequest()))
                .isEqualTo(
                        "{\"model\":\"gpt-5.2-pro\",\"instructions\":\"You are the RPT controller.\",\"input\":"
                                + "[{\"role\":\"user\",\"content\":\"Evaluate the current prompt.\"}],\"tools\":"
                                + "[{\"type\":\"function\",\"name\":\"evaluate_prompt\",\"description\":\"Run the prompt tests"
                                + " and return a diagnostic report.\",\"parameters\":{\"type\":\"object\",\"properties\":"
                                + "{\"prompt\":{\"type\":\"string\"}},\"required\":[\"prompt\"],\"additionalProperties\":false},"
                                + "\"strict\":true}],\"tool_choice\":\"required\",\"parallel_tool_calls\":true,\"store\":false}");
        JsonNode next = tree(server.takeRequest());
        assertThat(next.path("input").toString())
                .isEqualTo("[{\"role\":\"user\",\"content\":\"Evaluate the current prompt.\"},"
                        + "{\"type\":\"function_call\",\"call_id\":\"call_A1\",\"name\":\"evaluate_prompt\","
                        + "\"arguments\":\"{\\\"prompt\\\":\\\"Solve step by step.\\\"}\"},"
                        + "{\"type\":\"function_call\",\"call_id\":\"call_B2\",\"name\":\"inspect_failures\","
                        + "\"arguments\":\"{\\\"mode\\\":\\\"arithmetic slip\\\"}\"},"
                        + "{\"type\":\"function_call_output\",\"call_id\":\"call_A1\",\"output\":\"{\\\"accuracy\\\":0.7}\"},"
                        + "{\"type\":\"function_call_output\",\"call_id\":\"call_B2\",\"output\":\"Unknown failure"
                        + " mode: arithmetic slip\"}]");
        assertThat(next.path("tool_choice").toString())
                .isEqualTo("{\"type\":\"function\",\"name\":\"evaluate_prompt\"}");
    }

    @Test
    void everyStatusAndIncompleteReasonIsMappedLikeAFinishReason() {
        assertThat(reply("incomplete-max-output-tokens.json").finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(reply("incomplete-max-output-tokens.json").text())
                .as("the limit was spent on reasoning: no answer")
                .isNull();
        ChatResponse filtered = reply("incomplete-content-filter.json");
        assertThat(filtered.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(filtered.text()).isEqualTo("The answer is");
        ChatResponse refused = reply("refusal.json");
        assertThat(refused.refusal()).isEqualTo("I can't help with that.");
        assertThat(refused.text()).isNull();
        for (String status : List.of("in_progress", "queued", "cancelled")) {
            server.enqueue(json(
                    200,
                    "{\"id\":\"resp_9\",\"object\":\"response\",\"status\":\"" + status + "\",\"model\":\"gpt-5\","
                            + "\"output\":[]}"));
            assertThatThrownBy(() -> model(Map.of())
                            .chat(ChatRequest.builder().user("Hi").build()))
                    .as(status)
                    .isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("status '" + status + "'");
        }
    }

    @Test
    void aFailedResponseIsTheErrorItCarriesRetriedWhereItsCodeSaysSo() {
        ModelException server = failure("server_error");
        ModelException limited = failure("rate_limit_exceeded");
        ModelException invalid = failure("invalid_prompt");

        assertThat(server).isInstanceOf(ServerErrorException.class);
        assertThat(server.retryable()).isTrue();
        assertThat(limited).isInstanceOf(RateLimitedException.class);
        assertThat(limited.retryable()).isTrue();
        assertThat(invalid).isInstanceOf(BadRequestException.class);
        assertThat(invalid.retryable()).isFalse();
        assertThat(invalid).hasMessageContaining("invalid_prompt: The model failed to generate a response.");
    }

    @Test
    void anHttpErrorGoesThroughTheOpenAiErrorMapperWithItsSettingsHint() {
        server.enqueue(json(
                400,
                "{\"error\":{\"message\":\"Unsupported value: 'reasoning.effort' does not support 'xhigh' with this"
                        + " model.\",\"type\":\"invalid_request_error\",\"param\":\"reasoning.effort\",\"code\":"
                        + "\"unsupported_value\"}}"));

        assertThatThrownBy(() -> model(Map.of("rpt.reasoning-effort", "xhigh"))
                        .chat(ChatRequest.builder().user("Hi").build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("does not support 'xhigh'");
    }

    @Test
    void theModelIsKnownByItsOwnProviderIdSoItsCacheEntriesAreItsOwn() {
        assertThat(model(Map.of()).info().provider()).isEqualTo("openai-responses");
    }

    private ChatResponse reply(String fixture) {
        server.enqueue(json(200, resource(fixture)));
        return model(Map.of()).chat(ChatRequest.builder().user("Hi").build());
    }

    private ModelException failure(String code) {
        server.enqueue(ok("responses/failed-" + code + ".json"));
        try {
            model(Map.of()).chat(ChatRequest.builder().user("Hi").build());
        } catch (ModelException e) {
            return e;
        }
        throw new AssertionError("a failed response was read as an answer");
    }
}
