package dev.rpt.assertions;

import static dev.rpt.assertions.RptAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.api.Answer;
import dev.rpt.api.Step;
import dev.rpt.api.ToolCall;
import dev.rpt.api.ToolResult;
import dev.rpt.api.Usage;
import dev.rpt.core.eval.AnswerAssertionError;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Assertions on the tools a reply called, with arguments compared parsed as the Berkeley Function Calling
 * Leaderboard's checker compares them: numbers by value, key order ignored, the expected object a subset.
 */
class ToolCallAssertionsTests {

    private static final Answer LOOKUP_THEN_REFUND = calls(
            new ToolCall("c1", "lookup_order", "{\"order_id\":\"A1\",\"fields\":[\"status\",\"total\"]}"),
            new ToolCall("c2", "refund", "{\"amount\":25.0,\"order_id\":\"A1\",\"reason\":{\"code\":7}}"));

    @Test
    void argumentsAreComparedParsedAsASubset() {
        assertThatCode(() -> assertThat(LOOKUP_THEN_REFUND)
                        .calledTool("lookup_order")
                        .calledTool("refund", "{\"order_id\": \"A1\", \"amount\": 25}")
                        .calledTool("refund", "{\"reason\": {\"code\": 7.0}}")
                        .calledTool("lookup_order", "{\"fields\": [\"status\", \"total\"]}")
                        .didNotCallTool("cancel_order")
                        .calledToolsInOrder("lookup_order", "refund"))
                .doesNotThrowAnyException();
    }

    @Test
    void aMismatchSaysWhatWasExpectedAndListsTheCalls() {
        assertThatThrownBy(() -> assertThat(LOOKUP_THEN_REFUND).calledTool("refund", "{\"amount\": 30}"))
                .isInstanceOf(AnswerAssertionError.class)
                .hasMessage(
                        "Expected a call of tool refund with arguments holding {\"amount\":30}, but the model called"
                                + " lookup_order {\"order_id\":\"A1\",\"fields\":[\"status\",\"total\"]}; refund"
                                + " {\"amount\":25.0,\"order_id\":\"A1\",\"reason\":{\"code\":7}} with no stated confidence.");
        assertThatThrownBy(() -> assertThat(LOOKUP_THEN_REFUND).calledToolsInOrder("refund", "lookup_order"))
                .hasMessageStartingWith("Expected calls of refund, then lookup_order, in this order");
        assertThatThrownBy(
                        () -> assertThat(LOOKUP_THEN_REFUND).calledTool("lookup_order", "{\"fields\": [\"status\"]}"))
                .as("arrays are compared element by element")
                .isInstanceOf(AnswerAssertionError.class);
        assertThatThrownBy(() -> assertThat(LOOKUP_THEN_REFUND).calledNoTool())
                .hasMessageStartingWith("Expected no tool call, but the model called lookup_order");
        assertThatThrownBy(() ->
                        assertThat(Answer.ofText("Your order is on its way.")).calledTool("lookup_order"))
                .hasMessageStartingWith(
                        "Expected a call of tool lookup_order, but the model answered \"Your order is on"
                                + " its way.\"");
    }

    @Test
    void argumentsThatAreNotJsonMatchNothingAndAnExpectationThatIsNotAnObjectIsAnError() {
        Answer broken = calls(new ToolCall("c1", "refund", "{\"order_id\": \"A1\""));

        assertThatThrownBy(() -> assertThat(broken).calledTool("refund", "{\"order_id\": \"A1\"}"))
                .isInstanceOf(AnswerAssertionError.class);
        assertThatThrownBy(() -> assertThat(broken).calledTool("refund", "[1]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a JSON object");
    }

    @Test
    void trajectoriesMatchInTheFourModesOfAgentevals() {
        Answer run = calls(
                new ToolCall("c1", "lookup_order", "{}"),
                new ToolCall("c2", "check_policy", "{}"),
                new ToolCall("c3", "refund", "{}"));

        assertThatCode(() -> assertThat(run)
                        .hasToolTrajectory(TrajectoryMatch.STRICT, "lookup_order", "check_policy", "refund")
                        .hasToolTrajectory(TrajectoryMatch.UNORDERED, "refund", "lookup_order", "check_policy")
                        .hasToolTrajectory(TrajectoryMatch.SUBSET, "lookup_order", "check_policy", "refund", "escalate")
                        .hasToolTrajectory(TrajectoryMatch.SUPERSET, "lookup_order", "refund"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(run).hasToolTrajectory(TrajectoryMatch.STRICT, "refund", "lookup_order"))
                .hasMessageStartingWith("Expected the tools [refund, lookup_order], exactly, in this order (the run"
                        + " called [lookup_order, check_policy, refund])");
        assertThatThrownBy(() -> assertThat(run).hasToolTrajectory(TrajectoryMatch.SUBSET, "lookup_order", "refund"))
                .as("check_policy is beyond the expected ones")
                .isInstanceOf(AnswerAssertionError.class);
        assertThatThrownBy(() ->
                        assertThat(run).hasToolTrajectory(TrajectoryMatch.SUPERSET, "lookup_order", "lookup_order"))
                .as("calls are counted")
                .isInstanceOf(AnswerAssertionError.class);
        assertThatThrownBy(() -> assertThat(run).hasToolTrajectory(TrajectoryMatch.UNORDERED, "refund", "lookup_order"))
                .isInstanceOf(AnswerAssertionError.class);
    }

    @Test
    void aRunOfSeveralStepsFailsWithItsTrajectoryOneLinePerStep() {
        ToolCall lookup = new ToolCall("c1", "lookup_order", "{\"order_id\":\"A1\"}");
        ToolCall refund = new ToolCall("c2", "refund", "{\"order_id\":\"A1\",\"amount\":25}");
        Answer run = steps(
                new Step("", List.of(lookup), List.of(new ToolResult("c1", "lookup_order", "{\"total\":25}", false))),
                new Step(
                        "Refunding now.",
                        List.of(refund),
                        List.of(new ToolResult("c2", "refund", "rpt: no stubbed result for refund", true))),
                new Step("Your refund is on its way.", List.of(), List.of()));

        assertThatCode(() -> assertThat(run)
                        .calledToolsInOrder("lookup_order", "refund")
                        .finishedWithinSteps(3))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(run).didNotCallTool("refund"))
                .isInstanceOf(AnswerAssertionError.class)
                .hasMessage("Expected no call of tool refund, but the model took 3 steps with no stated confidence:"
                        + "\n  1. lookup_order {\"order_id\":\"A1\"} -> {\"total\":25}"
                        + "\n  2. refund {\"order_id\":\"A1\",\"amount\":25} -> error: rpt: no stubbed result for"
                        + " refund; replied \"Refunding now.\""
                        + "\n  3. replied \"Your refund is on its way.\"");
        assertThatThrownBy(() -> assertThat(run).finishedWithinSteps(2))
                .isInstanceOf(AnswerAssertionError.class)
                .hasMessageStartingWith("Expected a final reply within 2 steps, but the model took 3 steps");
    }

    @Test
    void aRunStoppedAtItsStepLimitHasNotFinished() {
        ToolCall lookup = new ToolCall("c1", "lookup_order", "{\"order_id\":\"A1\"}");
        Answer looping = steps(
                new Step("", List.of(lookup), List.of(new ToolResult("c1", "lookup_order", "shipped", false))),
                new Step("", List.of(lookup), List.of()));

        assertThatThrownBy(() -> assertThat(looping).finishedWithinSteps(8))
                .isInstanceOf(AnswerAssertionError.class)
                .hasMessageContaining("a final reply within 8 steps (the last step still called tools)")
                .hasMessageEndingWith("\n  2. lookup_order {\"order_id\":\"A1\"} -> (no result: step limit)");
        assertThatThrownBy(() -> assertThat(looping).finishedWithinSteps(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Answer steps(Step... steps) {
        List<ToolCall> calls =
                Stream.of(steps).flatMap(step -> step.toolCalls().stream()).toList();
        String last = steps[steps.length - 1].text();
        return new Answer(
                last,
                last,
                OptionalDouble.empty(),
                Optional.empty(),
                calls,
                Usage.ZERO,
                false,
                false,
                List.of(),
                List.of(steps));
    }

    private static Answer calls(ToolCall... calls) {
        return new Answer("", "", OptionalDouble.empty(), Optional.empty(), List.of(calls), Usage.ZERO, false, false);
    }
}
