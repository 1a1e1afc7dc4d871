package dev.rpt.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.api.ToolCall;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.ToolChoice;
import dev.rpt.core.model.BadRequestException;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizerRoleTests {

    private static final String SYSTEM = "You are a helpful assistant.\nAnswer the math question.";
    private static final String USER = TuneHarness.USER_TEMPLATE;

    private static final String PROSE_REPORT = "{\"schemaVersion\":1,\"iteration\":1,"
            + "\"metrics\":{\"n\":60,\"errored\":0,\"accuracy\":0.55,\"ece\":0.38},"
            + "\"calibration\":{\"overconfidentWrong\":25,\"underconfidentRight\":0},"
            + "\"failureModes\":[{\"label\":\"skipped final step\",\"count\":8,\"prevalence\":0.3},"
            + "{\"label\":\"answer holds several numbers\",\"count\":14,\"prevalence\":0.5}],"
            + "\"goals\":{\"minAccuracy\":0.8,\"maxEce\":0.1,\"met\":false}}";

    private static final String MET_REPORT = "{\"schemaVersion\":1,\"iteration\":3,"
            + "\"metrics\":{\"n\":10,\"errored\":0,\"accuracy\":0.9,\"ece\":0.04},\"calibration\":{\"overconfidentWrong\":1,\"underconfidentRight\":0},"
            + "\"failureModes\":[{\"label\":\"arithmetic slip\",\"count\":3,\"prevalence\":0.5}],"
            + "\"goals\":{\"minAccuracy\":0.8,\"maxEce\":0.1,\"met\":true}}";

    private final ChatModel sim = GsmSample.model();
    private final List<ChatMessage> messages = new ArrayList<>(List.of(
            ChatMessage.system("You improve prompts."), ChatMessage.user(TuneHarness.firstMessage(SYSTEM, USER))));

    private ChatResponse next(ToolChoice choice) {
        ChatResponse reply = sim.chat(ChatRequest.builder()
                .messages(messages)
                .tools(TuneHarness.TOOLS)
                .toolChoice(choice)
                .build());
        messages.add(reply.toMessage());
        return reply;
    }

    private static JsonNode arguments(ChatResponse reply) {
        return TuneHarness.read(reply.toolCalls().get(0).arguments());
    }

    private ToolCall evaluateThenReport(String report) {
        ToolCall call = next(ToolChoice.AUTO).toolCalls().get(0);
        messages.add(ChatMessage.toolResult(call.id(), report));
        return call;
    }

    @Test
    void firstReplyEvaluatesTheExactSections() {
        ChatResponse reply = next(null);

        assertThat(reply.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(reply.text()).isNull();
        assertThat(reply.model()).isEqualTo("sim-optimizer (SIMULATOR)");
        assertThat(reply.toolCalls()).hasSize(1);
        ToolCall call = reply.toolCalls().get(0);
        assertThat(call.id()).isEqualTo("call_sim_1");
        assertThat(call.name()).isEqualTo("evaluate_prompt");
        assertThat(call.arguments())
                .isEqualTo(TuneHarness.write(TuneHarness.JSON
                        .createObjectNode()
                        .put("system", SYSTEM)
                        .put("user", USER)));
        assertThat(reply.usage().completionTokens())
                .isEqualTo((call.name().length() + call.arguments().length() + 3) / 4);
    }

    @Test
    void patchesTheMostPrevalentModeWithItsRemedy() {
        evaluateThenReport(PROSE_REPORT);
        ChatResponse reply = next(ToolChoice.AUTO);

        ToolCall call = reply.toolCalls().get(0);
        JsonNode decision = arguments(reply);
        assertThat(call.id()).isEqualTo("call_sim_2");
        assertThat(call.name()).isEqualTo("decide");
        assertThat(decision.get("decision").asText()).isEqualTo("PATCH");
        assertThat(decision.get("targets").toString()).isEqualTo("[\"answer holds several numbers\"]");
        assertThat(decision.get("system").asText()).isEqualTo(SYSTEM + "\n" + Remedy.ANSWER_ONLY.sentence());
        assertThat(decision.has("user")).as("the user section is unchanged").isFalse();
        assertThat(TraitDetector.detect(decision.get("system").asText()).answerOnly())
                .isTrue();
        assertThat(decision.get("rationale").asText())
                .contains("accuracy 0.550", "ECE 0.380", "14 failed cases", "prevalence 0.50");
    }

    @Test
    void afterAPatchItEvaluatesThePatchedCandidate() {
        evaluateThenReport(PROSE_REPORT);
        ToolCall decide = next(ToolChoice.AUTO).toolCalls().get(0);
        messages.add(ChatMessage.toolResult(decide.id(), "{\"applied\":true}"));

        ChatResponse reply = next(ToolChoice.REQUIRED);

        assertThat(reply.toolCalls().get(0).name()).isEqualTo("evaluate_prompt");
        assertThat(reply.toolCalls().get(0).id()).isEqualTo("call_sim_3");
        assertThat(arguments(reply).get("system").asText()).isEqualTo(SYSTEM + "\n" + Remedy.ANSWER_ONLY.sentence());
    }

    @Test
    void stopsWhenTheGoalsAreMet() {
        evaluateThenReport(MET_REPORT);
        JsonNode decision = arguments(next(ToolChoice.AUTO));

        assertThat(decision.get("decision").asText()).isEqualTo("STOP");
        assertThat(decision.get("reason").asText())
                .isEqualTo("goals met: accuracy 0.900 (goal ≥ 0.80), ECE 0.040 (goal ≤ 0.10)");
        assertThat(decision.get("targets")).isEmpty();
    }

    @Test
    void patchesCalibrationWhenNoModeIsLeftThenStops() {
        String report = "{\"iteration\":2,\"metrics\":{\"n\":10,\"errored\":0,\"accuracy\":0.6,\"ece\":0.3},"
                + "\"calibration\":{\"overconfidentWrong\":4,\"underconfidentRight\":0},"
                + "\"failureModes\":[{\"label\":\"no answer given\",\"count\":4,\"prevalence\":1.0}],"
                + "\"goals\":{\"minAccuracy\":0.8,\"maxEce\":0.1,\"met\":false}}";
        evaluateThenReport(report);
        ChatResponse inspect = next(ToolChoice.AUTO);
        assertThat(inspect.toolCalls().get(0).name()).isEqualTo("inspect_failures");
        assertThat(arguments(inspect).toString()).isEqualTo("{\"mode\":\"no answer given\",\"limit\":5}");
        messages.add(
                ChatMessage.toolResult(
                        inspect.toolCalls().get(0).id(),
                        "{\"mode\":\"no answer given\",\"traces\":[{\"id\":\"q1\",\"answer\":\"I don't know\",\"confidence\":0.05}]}"));

        JsonNode patch = arguments(next(ToolChoice.AUTO));
        assertThat(patch.get("targets").toString()).isEqualTo("[\"overconfident wrong answer\"]");
        assertThat(patch.get("system").asText()).endsWith(Remedy.CALIBRATE.sentence());
        messages.add(ChatMessage.toolResult("call_sim_3", "{\"applied\":true}"));
        ToolCall evaluate = next(ToolChoice.AUTO).toolCalls().get(0);
        messages.add(ChatMessage.toolResult(evaluate.id(), report));
        ToolCall again = next(ToolChoice.AUTO).toolCalls().get(0);
        assertThat(again.name()).as("one inspection per report").isEqualTo("inspect_failures");
        messages.add(ChatMessage.toolResult(again.id(), "{\"mode\":\"no answer given\",\"traces\":[]}"));

        JsonNode stop = arguments(next(ToolChoice.AUTO));
        assertThat(stop.get("decision").asText()).isEqualTo("STOP");
        assertThat(stop.get("reason").asText()).startsWith("no remedy left");
    }

    @Test
    void inspectsAnUnknownTopModeAndPatchesWhatItsTracesShow() {
        String report = "{\"iteration\":1,\"metrics\":{\"n\":10,\"errored\":0,\"accuracy\":0.5,\"ece\":0.4},"
                + "\"failureModes\":[{\"label\":\"wrong final number\",\"count\":10,\"prevalence\":0.9}],"
                + "\"goals\":{\"minAccuracy\":0.8,\"maxEce\":0.1,\"met\":false}}";
        evaluateThenReport(report);
        ToolCall inspect = next(ToolChoice.AUTO).toolCalls().get(0);
        assertThat(inspect.name()).isEqualTo("inspect_failures");
        messages.add(ChatMessage.toolResult(
                inspect.id(),
                "{\"mode\":\"wrong final number\",\"traces\":[{\"id\":\"q1\",\"answer\":\"360\",\"confidence\":0.5,"
                        + "\"justification\":\"Worked through 2 steps, then converted units: 6 × 60 = 360.\"}]}"));

        JsonNode patch = arguments(next(ToolChoice.AUTO));

        assertThat(patch.get("targets").toString()).isEqualTo("[\"wrong final number\"]");
        assertThat(patch.get("system").asText()).endsWith(Remedy.CHECK_UNITS.sentence());
        assertThat(patch.get("rationale").asText()).contains("'unit conversion slip'");
    }

    @Test
    void fallbackLabelsAreRemediedByKeyword() {
        String report = "{\"iteration\":1,\"metrics\":{\"n\":10,\"errored\":0,\"accuracy\":0.0,\"ece\":0.9},"
                + "\"failureModes\":[{\"label\":\"format: the number 18, but the answer holds several numbers [2, 18]\","
                + "\"count\":1,\"prevalence\":0.2},{\"label\":\"value: the number 7\",\"count\":2,\"prevalence\":0.4}],"
                + "\"goals\":{\"met\":false}}";
        evaluateThenReport(report);

        JsonNode patch = arguments(next(ToolChoice.AUTO));

        assertThat(patch.get("targets").get(0).asText()).isEqualTo("value: the number 7");
        assertThat(patch.get("system").asText()).endsWith(Remedy.STEP_BY_STEP.sentence());
    }

    @Test
    void aPromptThatAlreadyExplainsItsReasoningGetsTheNextRemedyForItsSlips() {
        messages.set(
                1,
                ChatMessage.user(TuneHarness.firstMessage(
                        "Answer the math question. Explain your reasoning, then give the answer.", USER)));
        String report = "{\"iteration\":1,\"metrics\":{\"n\":10,\"errored\":0,\"accuracy\":0.7,\"ece\":0.05},"
                + "\"failureModes\":[{\"label\":\"value: the number 18\",\"count\":6,\"prevalence\":0.6},"
                + "{\"label\":\"arithmetic slip\",\"count\":4,\"prevalence\":0.4}],"
                + "\"goals\":{\"minAccuracy\":0.8,\"maxEce\":0.1,\"met\":false}}";
        evaluateThenReport(report);

        JsonNode patch = arguments(next(ToolChoice.AUTO));

        assertThat(patch.get("decision").asText()).isEqualTo("PATCH");
        assertThat(patch.get("targets").toString()).isEqualTo("[\"value: the number 18\"]");
        assertThat(patch.get("system").asText()).endsWith(Remedy.CHECK_WORK.sentence());
        assertThat(patch.get("rationale").asText())
                .contains("already has its first remedy (stepByStep)")
                .contains("Remedy (checkWork)");

        messages.add(ChatMessage.toolResult("call_sim_2", "{\"applied\":true}"));
        ToolCall evaluate = next(ToolChoice.AUTO).toolCalls().get(0);
        messages.add(ChatMessage.toolResult(evaluate.id(), report.replace("\"iteration\":1", "\"iteration\":2")));
        JsonNode stop = arguments(next(ToolChoice.AUTO));
        assertThat(stop.get("decision").asText()).isEqualTo("STOP");
        assertThat(stop.get("reason").asText()).startsWith("no remedy left");
    }

    @Test
    void aJudgedReplyHasNoFollowUpRemedy() {
        assertThat(Remedy.STEP_BY_STEP.firstMissing(
                        FailureLabel.CRITERION_NOT_MET.label(), TraitDetector.detect("Explain your reasoning.")))
                .isEmpty();
        assertThat(Remedy.STEP_BY_STEP.firstMissing("arithmetic slip", TraitDetector.detect("Think step by step.")))
                .contains(Remedy.CHECK_WORK);
        assertThat(Remedy.STEP_BY_STEP.firstMissing("arithmetic slip", PromptTraits.NONE))
                .contains(Remedy.STEP_BY_STEP);
    }

    @Test
    void toolChoiceNoneGetsTextAndANamedFunctionGetsThatCall() {
        ChatResponse text = next(ToolChoice.NONE);
        assertThat(text.toolCalls()).isEmpty();
        assertThat(text.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(text.text()).isEqualTo(OptimizerRole.NEEDS_EVALUATION);

        ChatResponse decide = next(ToolChoice.function("decide"));
        assertThat(decide.toolCalls().get(0).name()).isEqualTo("decide");
        assertThat(arguments(decide).get("reason").asText()).isEqualTo("no diagnostic report yet");
    }

    @Test
    void aRejectedPatchOrAFailedEvaluationStops() {
        ToolCall evaluate = next(ToolChoice.AUTO).toolCalls().get(0);
        messages.add(ChatMessage.toolError(evaluate.id(), "the prompt lost its {{question}} placeholder"));

        JsonNode stop = arguments(next(ToolChoice.AUTO));

        assertThat(stop.get("decision").asText()).isEqualTo("STOP");
        assertThat(stop.get("reason").asText()).contains("evaluate_prompt failed", "placeholder");
    }

    @Test
    void identicalConversationsGetIdenticalReplies() {
        evaluateThenReport(PROSE_REPORT);
        ChatRequest request = ChatRequest.builder()
                .messages(messages)
                .tools(TuneHarness.TOOLS)
                .build();

        assertThat(GsmSample.model().chat(request)).isEqualTo(sim.chat(request));
    }

    @Test
    void aFirstMessageThatIsNotThePromptJsonIsOneClearError() {
        ChatRequest request = ChatRequest.builder()
                .user("Please improve my prompt.")
                .tools(TuneHarness.TOOLS)
                .build();

        assertThatThrownBy(() -> sim.chat(request))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("optimizer's first user message")
                .hasMessageContaining("Please improve my prompt.");
    }
}
