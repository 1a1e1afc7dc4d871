package dev.rpt.core.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.api.Answer;
import dev.rpt.api.Step;
import dev.rpt.api.ToolCall;
import dev.rpt.core.calibration.ToolMetrics;
import dev.rpt.core.eval.ExpectedTools;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How one case of a tool-calling prompt used its tools: the trajectory, and how it scored against the case's
 * expected calls ({@link ExpectedTools}), when it states them.
 *
 * @param steps the trajectory, one step per model turn, the final reply last
 * @param selection whether the tools called were exactly the expected ones; empty when the case expects none
 * @param arguments whether the expected calls that state arguments were made with them; empty when none states any
 */
@API(status = INTERNAL, since = "0.1")
public record ToolUse(List<Step> steps, Optional<Boolean> selection, Optional<Boolean> arguments) {

    public ToolUse {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a trajectory has at least one step");
        }
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(arguments, "arguments");
    }

    /**
     * A class's tool metrics from its cases, as the run computed them, for readers of a report.
     *
     * @param classRecords the cases of one class (one class key)
     * @param level the intervals' confidence level
     */
    public static Optional<ToolMetrics> metrics(List<CaseRecord> classRecords, double level) {
        return ToolTally.of(classRecords, level);
    }

    /**
     * The tool use of one answered case: recorded for every case of a prompt that declares tools, and for any answer
     * that called one; empty for a case that errored before it had an answer.
     *
     * @param declaresTools whether the case's prompt declares tools
     * @param variables the case's variables, where {@value ExpectedTools#VARIABLE} may state the expected calls
     * @throws IllegalArgumentException when the expected calls are malformed; the evaluation has refused such a case
     *     before any model call
     */
    public static Optional<ToolUse> of(boolean declaresTools, Optional<Answer> answer, Map<String, String> variables) {
        if (answer.isEmpty() || !(declaresTools || !answer.get().toolCalls().isEmpty())) {
            return Optional.empty();
        }
        Optional<ExpectedTools> expected = ExpectedTools.of(variables);
        List<ToolCall> calls = answer.get().toolCalls();
        return Optional.of(new ToolUse(
                answer.get().steps(),
                expected.map(e -> e.selectionHolds(calls)),
                expected.flatMap(e -> e.argumentsHold(calls))));
    }
}
