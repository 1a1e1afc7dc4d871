package dev.rpt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.api.ToolCall;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.ToolChoice;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.sim.TuneHarness.Evaluation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sim as target, critic and optimizer together, driven by a test-side tuner loop on the GSM8K sample: rows 1–100
 * are the tune split the optimizer sees, rows 101–200 are held out. The ranges are the measured values (see
 * docs/simulator.md) with a margin of a few points.
 */
class SimTuneRoundTripTests {

    private static final String WEAK = SimAccuracyTests.WEAK;

    /** One iteration: the candidate evaluated, its report, and the decision taken on it. */
    record Step(String system, Evaluation tune, Evaluation heldOut, JsonNode report, JsonNode decision) {}

    /** A whole run: its steps and every optimizer reply, in order. */
    record Run(List<Step> steps, List<ChatResponse> replies) {}

    static Run tune() {
        ChatModel sim = GsmSample.model();
        List<GsmSample.Row> rows = GsmSample.rows();
        List<GsmSample.Row> tuneRows = rows.subList(0, 100);
        List<GsmSample.Row> heldOutRows = rows.subList(100, 200);
        List<ChatMessage> messages = new ArrayList<>(List.of(
                ChatMessage.system("You improve prompts. Call evaluate_prompt, then decide."),
                ChatMessage.user(TuneHarness.firstMessage(WEAK, TuneHarness.USER_TEMPLATE))));
        List<Step> steps = new ArrayList<>();
        List<ChatResponse> replies = new ArrayList<>();
        String system = null;
        Evaluation tune = null;
        Evaluation heldOut = null;
        JsonNode report = null;
        for (int turn = 0; turn < 30; turn++) {
            ChatResponse reply = sim.chat(ChatRequest.builder()
                    .messages(messages)
                    .tools(TuneHarness.TOOLS)
                    .toolChoice(ToolChoice.REQUIRED)
                    .temperature(0.0)
                    .build());
            replies.add(reply);
            messages.add(reply.toMessage());
            ToolCall call = reply.toolCalls().get(0);
            JsonNode arguments = TuneHarness.read(call.arguments());
            if (call.name().equals("evaluate_prompt")) {
                system = arguments.get("system").asText();
                String user = arguments.get("user").asText();
                tune = TuneHarness.evaluate(sim, system, user, tuneRows, 1);
                heldOut = TuneHarness.evaluate(sim, system, user, heldOutRows, 101);
                String json = TuneHarness.report(sim, system, user, tune, steps.size() + 1);
                report = TuneHarness.read(json);
                messages.add(ChatMessage.toolResult(call.id(), json));
            } else if (call.name().equals("decide")) {
                steps.add(new Step(system, tune, heldOut, report, arguments));
                if (arguments.get("decision").asText().equals("STOP")) {
                    return new Run(steps, replies);
                }
                messages.add(ChatMessage.toolResult(call.id(), "{\"applied\":true}"));
            } else {
                throw new AssertionError("unexpected tool call " + call);
            }
        }
        throw new AssertionError("the optimizer did not stop within 30 turns");
    }

    @Test
    void tuningRaisesHeldOutAccuracyAndLowersCalibrationError() {
        List<Step> steps = tune().steps();
        Step first = steps.get(0);
        Step last = steps.get(steps.size() - 1);

        // Measured: held-out accuracy 0.000 -> 0.560 -> 0.560 -> 0.880, ECE 0.961 -> 0.401 -> 0.065 -> 0.054.
        assertThat(steps)
                .extracting(step -> step.decision().get("decision").asText())
                .containsExactly("PATCH", "PATCH", "PATCH", "STOP");
        assertThat(first.heldOut().accuracy()).isLessThan(0.05);
        assertThat(first.heldOut().ece()).isGreaterThan(0.9);
        assertThat(last.heldOut().accuracy()).isBetween(0.84, 0.92);
        assertThat(last.heldOut().ece()).isLessThan(0.08);
        assertThat(last.tune().accuracy()).isGreaterThanOrEqualTo(TuneHarness.MIN_ACCURACY);
        assertThat(last.tune().ece()).isLessThanOrEqualTo(TuneHarness.MAX_ECE);
        assertThat(last.decision().get("reason").asText()).startsWith("goals met");
        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i).heldOut().accuracy())
                    .as("held-out accuracy never drops")
                    .isGreaterThanOrEqualTo(steps.get(i - 1).heldOut().accuracy());
        }
    }

    @Test
    void everyPatchAppendsTheRemedyOfTheTopModeItTargets() {
        List<Step> steps = tune().steps();

        for (int i = 0; i + 1 < steps.size(); i++) {
            Step step = steps.get(i);
            List<ReportView.Mode> modes = OptimizerPolicy.ordered(
                    ReportView.read(step.report().toString(), "step " + i).modes());
            String target = step.decision().get("targets").get(0).asText();
            Remedy remedy = Remedy.forLabel(target).orElseThrow();

            assertThat(step.decision().get("targets")).hasSize(1);
            assertThat(modes).extracting(ReportView.Mode::label).contains(target);
            assertThat(remedy.presentIn(TraitDetector.detect(step.system()))).isFalse();
            assertThat(modes.stream()
                            .filter(mode -> Remedy.forLabel(mode.label())
                                    .filter(open -> !open.presentIn(TraitDetector.detect(step.system())))
                                    .isPresent())
                            .findFirst()
                            .orElseThrow()
                            .label())
                    .as("the most prevalent mode still open")
                    .isEqualTo(target);
            assertThat(steps.get(i + 1).system()).isEqualTo(step.system() + "\n" + remedy.sentence());
            assertThat(step.decision().get("rationale").asText())
                    .contains("'" + target + "'")
                    .contains(String.format(
                            java.util.Locale.ROOT, "accuracy %.3f", step.tune().accuracy()));
        }
        assertThat(steps)
                .extracting(step -> step.decision().get("targets").toString())
                .containsExactly(
                        "[\"answer holds several numbers\"]",
                        "[\"overconfident wrong answer\"]",
                        "[\"skipped final step\"]",
                        "[]");
    }

    @Test
    void aReplayedConversationGetsByteIdenticalReplies() {
        List<ChatResponse> first = tune().replies();
        List<ChatResponse> second = tune().replies();

        assertThat(second).isEqualTo(first);
        assertThat(second.stream()
                        .map(reply -> reply.toolCalls().get(0).arguments())
                        .toList())
                .isEqualTo(first.stream()
                        .map(reply -> reply.toolCalls().get(0).arguments())
                        .toList());
        assertThat(first)
                .extracting(reply -> reply.toolCalls().get(0).id())
                .doesNotHaveDuplicates()
                .allMatch(id -> id.matches("call_sim_\\d+"));
    }
}
