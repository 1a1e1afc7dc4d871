package dev.rpt.tools.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.api.Step;
import dev.rpt.api.ToolCall;
import dev.rpt.api.ToolResult;
import dev.rpt.core.report.ToolUse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** A tool-calling case's failure mode, read from its trajectory and its expected calls. */
class ToolFailureTests {

    private static final String LOOKUP_THEN_REFUND =
            "[\"lookup_order\", {\"name\": \"refund_order\", \"arguments\": {\"order_id\": \"A7\"}}]";

    @Test
    void eachTrajectoryIsNamedByWhatWentWrong() {
        assertThat(ToolFailure.of(failed("loop", "[\"lookup_order\"]", calls("lookup_order"), calls("lookup_order"))))
                .contains(ToolFailure.LOOPED);
        assertThat(ToolFailure.of(failed("text", "[\"lookup_order\"]", reply("I can help."))))
                .contains(ToolFailure.NO_CALL);
        assertThat(ToolFailure.of(failed("wrong", "[\"lookup_order\"]", calls("refund_order"), reply("Done."))))
                .contains(ToolFailure.WRONG_TOOL);
        assertThat(ToolFailure.of(failed("missing", LOOKUP_THEN_REFUND, calls("lookup_order"), reply("Found it."))))
                .contains(ToolFailure.MISSING_CALL);
        FailedCase badArguments = withArguments(
                failed("args", LOOKUP_THEN_REFUND, calls("lookup_order"), calls("refund_order"), reply("Done.")),
                false);
        assertThat(ToolFailure.of(badArguments)).contains(ToolFailure.BAD_ARGUMENTS);
        assertThat(ToolFailure.of(withArguments(
                        failed("fine", LOOKUP_THEN_REFUND, calls("lookup_order"), calls("refund_order"), reply("Ok.")),
                        true)))
                .as("the calls are right: the failure is in the reply")
                .isEmpty();
    }

    @Test
    void theDeterministicDiagnosisGroupsToolFailuresAndTheTracesShowTheTrajectory() throws Exception {
        List<FailedCase> failures = List.of(
                failed("w1", "[\"lookup_order\"]", calls("refund_order"), reply("Done.")),
                failed("w2", "[\"lookup_order\"]", calls("refund_order"), reply("Done.")),
                failed("t1", "[\"lookup_order\"]", reply("Hello.")));

        FailureAnalysis analysis = new DeterministicAnalyzer().analyze("task", failures);

        assertThat(analysis.modes())
                .extracting(FailureMode::label, FailureMode::count)
                .containsExactly(
                        tuple("tool: wrong tool called", 2), tuple("tool: answered without calling a tool", 1));
        JsonNode traces = new ObjectMapper().readTree(analysis.inspect("tool: wrong tool called", 5));
        assertThat(traces.at("/traces/0/trajectory/0").asText()).isEqualTo("refund_order {} -> ok");
        assertThat(traces.at("/traces/0/trajectory/1").asText()).isEqualTo("replied \"Done.\"");
        assertThat(traces.at("/traces/0/toolFailure").asText()).isEqualTo("tool: wrong tool called");
    }

    private static Step calls(String tool) {
        return new Step(
                "",
                List.of(new ToolCall("c-" + tool, tool, "{}")),
                List.of(new ToolResult("c-" + tool, tool, "ok", false)));
    }

    private static Step reply(String text) {
        return new Step(text, List.of(), List.of());
    }

    private static FailedCase failed(String id, String expectedTools, Step... steps) {
        List<Step> trajectory = new ArrayList<>(List.of(steps));
        Step last = trajectory.get(trajectory.size() - 1);
        if (!last.toolCalls().isEmpty()) {
            // The run stopped on this turn: its calls got no results.
            trajectory.set(trajectory.size() - 1, new Step(last.text(), last.toolCalls(), List.of()));
        }
        return new FailedCase(
                id,
                Map.of("message", "m-" + id, "expected-tools", expectedTools),
                last.text(),
                OptionalDouble.empty(),
                Optional.empty(),
                "value",
                "Expected something, but the model did otherwise",
                Optional.empty(),
                Optional.empty(),
                Optional.of(new ToolUse(trajectory, Optional.of(false), Optional.empty())));
    }

    private static FailedCase withArguments(FailedCase c, boolean held) {
        ToolUse use = c.tools().orElseThrow();
        return new FailedCase(
                c.id(),
                c.vars(),
                c.answer(),
                c.confidence(),
                c.justification(),
                c.failureKind(),
                c.failureMessage(),
                c.expected(),
                c.problem(),
                Optional.of(new ToolUse(use.steps(), Optional.of(true), Optional.of(held))));
    }
}
