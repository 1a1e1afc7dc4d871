package dev.rpt.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.JsonSchema;
import dev.rpt.chat.ToolDefinition;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.ModelSettings;
import dev.rpt.core.model.TokenLogprob;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimChatModelTests {

    /** Four steps and minutes: P(correct) = 0.26 for a plain prompt, so samples at temperature > 0 disagree. */
    private static final String HARD = hardestQuestion();

    private static final String EASY = "A robe takes 2 bolts of blue fiber and half that much white fiber.  How many"
            + " bolts in total does it take?";

    private final ChatModel model = GsmSample.model();

    private static String hardestQuestion() {
        return GsmSample.rows().stream()
                .map(GsmSample.Row::question)
                .filter(question -> question.startsWith("Carla is downloading a 200 GB file"))
                .findFirst()
                .orElseThrow();
    }

    private static ChatRequest.Builder ask(String system, String question) {
        return ChatRequest.builder().system(system).user("Question: " + question);
    }

    @Test
    void announcesItselfAsASimulator() {
        ModelInfo info = model.info();
        ChatResponse response = model.chat(ask("Answer.", EASY).build());

        assertThat(info).isEqualTo(new ModelInfo("sim", "sim", true));
        assertThat(info.label()).isEqualTo("sim/sim (SIMULATOR)");
        assertThat(response.model()).isEqualTo("sim-target (SIMULATOR)");
        assertThat(response.cached()).isFalse();
    }

    @Test
    void sameRequestGivesTheSameResponseAcrossModelInstances() {
        ChatRequest request = ask("Think step by step.", HARD)
                .responseFormat(GsmSample.FORMAT)
                .logprobs(true, 2)
                .build();

        ChatResponse first = model.chat(request);

        assertThat(model.chat(request)).isEqualTo(first);
        assertThat(GsmSample.model().chat(request)).isEqualTo(first);
    }

    @Test
    void atTemperatureZeroSampleIndexAndSeedChangeNothing() {
        ChatResponse reference =
                model.chat(ask("Answer.", HARD).temperature(0.0).build());

        for (int sample = 0; sample < 10; sample++) {
            ChatRequest request = ask("Answer.", HARD)
                    .temperature(0.0)
                    .seed((long) sample * 31)
                    .sampleIndex(sample)
                    .build();
            assertThat(model.chat(request)).isEqualTo(reference);
        }
        assertThat(model.chat(ask("Answer.", HARD).sampleIndex(3).build()))
                .as("no temperature means the default, 0")
                .isEqualTo(reference);
    }

    @Test
    void atPositiveTemperatureSamplesVaryButEachIsReproducible() {
        Set<String> answers = new HashSet<>();
        for (int sample = 0; sample < 20; sample++) {
            ChatRequest request =
                    ask("Answer.", HARD).temperature(0.8).sampleIndex(sample).build();
            ChatResponse response = model.chat(request);
            assertThat(model.chat(request)).isEqualTo(response);
            answers.add(response.text().lines().findFirst().orElseThrow());
        }

        assertThat(answers).hasSizeGreaterThan(1);
    }

    @Test
    void seedEntersTheDrawAtPositiveTemperature() {
        Set<String> texts = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            texts.add(
                    model.chat(ask("Answer.", HARD).temperature(1.0).seed(seed).build())
                            .text());
        }

        assertThat(texts).hasSizeGreaterThan(1);
    }

    @Test
    void unknownQuestionGetsIDontKnowWithLowConfidence() {
        ChatResponse text =
                model.chat(ask("Answer.", "What is the capital of Atlantis?").build());
        ChatResponse json = model.chat(ask("Answer.", "What is the capital of Atlantis?")
                .responseFormat(GsmSample.FORMAT)
                .build());

        assertThat(text.text()).isEqualTo("Answer: I don't know\nConfidence: 0.05");
        JsonNode reply = GsmSample.parse(json);
        assertThat(reply.get("answer").asText()).isEqualTo("I don't know");
        assertThat(reply.get("confidence").asDouble()).isEqualTo(0.05);
        assertThat(reply.get("justification").asText()).contains("answer key");
    }

    @Test
    void aQuestionAskingToBeRefusedGetsAProviderError() {
        Throwable thrown = catchThrowable(
                () -> model.chat(ask("Answer.", "[rpt-sim: refuse] " + EASY).build()));

        assertThat(thrown)
                .isInstanceOf(dev.rpt.core.model.BadRequestException.class)
                .hasMessageContaining(
                        "the rpt simulator refuses this request because its question holds [rpt-sim:" + " refuse]");
        assertThat(((dev.rpt.core.model.BadRequestException) thrown).retryable())
                .isFalse();
    }

    @Test
    void plainTextWithoutResponseFormat() {
        ChatResponse response =
                model.chat(ask("Give only the final answer.", EASY).build());

        assertThat(response.text()).matches("Answer: \\d+\nConfidence: 0\\.\\d\\d");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.toolCalls()).isEmpty();
    }

    @Test
    void jsonWithResponseFormatOrWhenThePromptAsksForIt() {
        ChatResponse structured =
                model.chat(ask("Answer.", EASY).responseFormat(GsmSample.FORMAT).build());
        ChatResponse asked = model.chat(ask("Reply with a JSON object.", EASY).build());

        for (ChatResponse response : List.of(structured, asked)) {
            JsonNode reply = GsmSample.parse(response);
            assertThat(reply.fieldNames()).toIterable().containsExactly("answer", "confidence", "justification");
            assertThat(reply.get("answer").asText()).startsWith("After 2 steps, the answer is ");
            assertThat(reply.get("confidence").asDouble()).isBetween(0.93, 0.99);
            assertThat(reply.get("justification").asText()).contains("step");
        }
    }

    @Test
    void logprobsRecoverTheStatedConfidence() {
        for (String question : List.of(EASY, HARD)) {
            ChatResponse response = model.chat(ask("Be calibrated. Give just the number.", question)
                    .responseFormat(GsmSample.FORMAT)
                    .logprobs(true, 3)
                    .build());
            double confidence = GsmSample.parse(response).get("confidence").asDouble();

            List<TokenLogprob> logprobs = response.logprobs();
            String joined = logprobs.stream().map(TokenLogprob::token).collect(Collectors.joining());
            double sum = logprobs.stream().mapToDouble(TokenLogprob::logprob).sum();

            assertThat(joined).isEqualTo(response.text());
            assertThat(Math.exp(sum)).isCloseTo(confidence, within(1e-9));
            for (TokenLogprob logprob : logprobs) {
                assertThat(logprob.topLogprobs()).hasSize(3);
                assertThat(logprob.topLogprobs())
                        .anySatisfy(
                                alternative -> assertThat(alternative.token()).isEqualTo(logprob.token()));
                assertThat(logprob.topLogprobs().stream()
                                .mapToDouble(a -> Math.exp(a.logprob()))
                                .sum())
                        .isLessThanOrEqualTo(1.0 + 1e-9);
            }
        }
    }

    @Test
    void noLogprobsUnlessAsked() {
        assertThat(model.chat(ask("Answer.", EASY).build()).logprobs()).isEmpty();
    }

    @Test
    void usageIsFourCharactersPerToken() {
        ChatRequest request = ask("Answer.", EASY).build();
        ChatResponse response = model.chat(request);
        int promptChars = "Answer.".length() + ("Question: " + EASY).length();

        assertThat(response.usage().promptTokens()).isEqualTo((promptChars + 3) / 4);
        assertThat(response.usage().completionTokens())
                .isEqualTo((response.text().length() + 3) / 4);
        assertThat(response.usage().totalTokens())
                .isEqualTo(response.usage().promptTokens() + response.usage().completionTokens());
    }

    @Test
    void tokenLimitCutsTheReply() {
        ChatResponse full = model.chat(ask("Answer.", EASY).logprobs(true, 0).build());
        ChatResponse cut =
                model.chat(ask("Answer.", EASY).maxTokens(3).logprobs(true, 0).build());

        assertThat(cut.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(cut.text()).isEqualTo(full.text().substring(0, 12));
        assertThat(cut.usage().completionTokens()).isEqualTo(3);
        assertThat(String.join(
                        "", cut.logprobs().stream().map(TokenLogprob::token).toList()))
                .isEqualTo(cut.text()
                        .substring(
                                0,
                                cut.logprobs().stream()
                                        .mapToInt(t -> t.token().length())
                                        .sum()));
    }

    @Test
    void requestsWithOtherToolsMeetTheToolUserAndItsDocumentedRule() {
        List<ToolDefinition> tools = List.of(
                new ToolDefinition(
                        "lookup_order",
                        "Look up an order.",
                        new JsonSchema("{\"type\":\"object\",\"properties\":{\"order_id\":{\"type\":\"string\"}}}"),
                        true),
                new ToolDefinition(
                        "refund",
                        "Refund an order.",
                        new JsonSchema("{\"type\":\"object\",\"properties\":{\"order_id\":{\"type\":\"string\"},"
                                + "\"amount\":{\"type\":\"number\"}}}"),
                        true));

        ChatResponse lookup = model.chat(
                ChatRequest.builder().user("Where is my order A1?").tools(tools).build());
        ChatResponse refund = model.chat(ChatRequest.builder()
                .user("Refund B7 by 25.50, please.")
                .tools(tools)
                .build());
        ChatResponse thanks = model.chat(
                ChatRequest.builder().user("Thanks, that's all.").tools(tools).build());
        ChatResponse told = model.chat(ChatRequest.builder()
                .user("Where is my order A1?")
                .message(ChatMessage.assistant(null, lookup.toolCalls()))
                .message(ChatMessage.toolResult(lookup.toolCalls().get(0).id(), "{\"status\":\"shipped\"}"))
                .tools(tools)
                .build());

        assertThat(lookup.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("lookup_order");
            assertThat(call.arguments()).isEqualTo("{\"order_id\":\"A1\"}");
        });
        assertThat(lookup.model()).isEqualTo("sim-tool-user (SIMULATOR)");
        assertThat(refund.toolCalls().get(0).arguments()).isEqualTo("{\"order_id\":\"B7\",\"amount\":25.50}");
        assertThat(thanks.toolCalls()).isEmpty();
        assertThat(thanks.text()).isEqualTo("I can help with: lookup_order, refund.");
        assertThat(told.toolCalls()).isEmpty();
        assertThat(told.text()).isEqualTo("According to lookup_order: {\"status\":\"shipped\"}.");
    }

    @Test
    void theModelNameChoosesNoRoleItOnlyLabelsTheReply() {
        ChatModel named = new SimProvider()
                .create(ModelSettings.of("sim", "sim-critic", null, null), SimOptions.ofAnswers(GsmSample.RESOURCE));

        ChatResponse response = named.chat(ask("Answer.", EASY).build());

        assertThat(named.info().simulated()).isTrue();
        assertThat(response.model()).isEqualTo("sim-critic-target (SIMULATOR)");
        assertThat(response.text()).startsWith("Answer: After 2 steps");
    }
}
