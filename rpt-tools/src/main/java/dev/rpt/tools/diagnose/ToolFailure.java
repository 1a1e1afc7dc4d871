package dev.rpt.tools.diagnose;

import dev.rpt.api.Step;
import dev.rpt.api.ToolCall;
import dev.rpt.core.eval.ExpectedTools;
import dev.rpt.core.report.ToolUse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What went wrong in a tool-calling case's trajectory, read from the trajectory and the case's expected calls, not
 * from the assertion's wording: the failure modes the diagnosis names for a tool-calling prompt, first match wins.
 */
enum ToolFailure {
    LOOPED(
            "looped until the step limit",
            "The assistant kept calling tools until rpt stopped it at the step limit, without a final reply."),
    NO_CALL(
            "answered without calling a tool",
            "The assistant replied in text where the case expects it to call a tool first."),
    WRONG_TOOL(
            "wrong tool called",
            "The assistant called a tool the case does not expect, e.g. a refund where a lookup was asked for."),
    MISSING_CALL("missing tool call", "The assistant called some of the expected tools but not all of them."),
    BAD_ARGUMENTS(
            "bad tool arguments",
            "The assistant called the expected tools, but with arguments that do not hold the expected values.");

    private final String label;
    private final String definition;

    ToolFailure(String label, String definition) {
        this.label = label;
        this.definition = definition;
    }

    /** The mode's label, as the diagnostic report names it. */
    String label() {
        return "tool: " + label;
    }

    String definition() {
        return definition;
    }

    /**
     * The trajectory's failure; empty for a case without a trajectory, or whose calls match what it expects (its
     * failure is then elsewhere, e.g. in the reply's text).
     */
    static Optional<ToolFailure> of(FailedCase failure) {
        if (failure.tools().isEmpty()) {
            return Optional.empty();
        }
        ToolUse use = failure.tools().get();
        List<Step> steps = use.steps();
        if (!steps.get(steps.size() - 1).toolCalls().isEmpty() && steps.size() > 1) {
            return Optional.of(LOOPED);
        }
        Optional<ExpectedTools> expected;
        try {
            expected = ExpectedTools.of(failure.vars());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (expected.isEmpty()) {
            return Optional.empty();
        }
        Set<String> wanted = new LinkedHashSet<>();
        expected.get().calls().forEach(call -> wanted.add(call.name()));
        Set<String> called = new LinkedHashSet<>();
        steps.forEach(step -> step.toolCalls().stream().map(ToolCall::name).forEach(called::add));
        if (called.isEmpty() && !wanted.isEmpty()) {
            return Optional.of(NO_CALL);
        }
        if (!wanted.containsAll(called)) {
            return Optional.of(WRONG_TOOL);
        }
        if (!called.containsAll(wanted)) {
            return Optional.of(MISSING_CALL);
        }
        return use.arguments().filter(held -> !held).map(held -> BAD_ARGUMENTS);
    }
}
