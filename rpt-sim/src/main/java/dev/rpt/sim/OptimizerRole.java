package dev.rpt.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.api.ToolCall;
import dev.rpt.api.Usage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.ToolChoice;
import dev.rpt.chat.ToolDefinition;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.protocol.OptimizerFunctions;
import java.util.List;

/**
 * The tuner's optimizer, scripted: reads where the conversation stands ({@link OptimizerState}), asks
 * {@link OptimizerPolicy} for the next action and speaks it as a tool call, honouring the request's
 * {@link ToolChoice}. Deterministic: identical conversations get identical replies. It is a stand-in that exercises
 * the real tool-calling path, not an optimizer worth benchmarking.
 */
final class OptimizerRole implements SimRole {

    static final String EVALUATE = OptimizerFunctions.EVALUATE;
    static final String INSPECT = OptimizerFunctions.INSPECT;
    static final String DECIDE = OptimizerFunctions.DECIDE;

    static final String NEEDS_EVALUATION =
            "I need to evaluate the current prompt with evaluate_prompt before I can decide anything.";

    @Override
    public String name() {
        return "optimizer";
    }

    /** Whether the request asks for the optimizer: it offers {@code evaluate_prompt}. */
    static boolean wanted(ChatRequest request) {
        return offers(request, EVALUATE);
    }

    @Override
    public ChatResponse respond(ChatRequest request, String modelLabel) {
        OptimizerState state = OptimizerState.read(request.messages());
        ToolChoice choice = request.toolChoice();
        long promptTokens = TokenEstimate.ofMessages(request.messages());
        if (choice == ToolChoice.NONE) {
            String text = state.report() == null ? NEEDS_EVALUATION : describe(OptimizerPolicy.next(state, false));
            return text(text, promptTokens, modelLabel);
        }
        OptimizerAction action = choice instanceof ToolChoice.Function forced
                ? forced(state, forced.name(), request)
                : OptimizerPolicy.next(state, offers(request, INSPECT));
        if (!offers(request, action.tool())) {
            // A real model cannot call a tool it was not given; it says what it would do instead.
            return text(describe(action), promptTokens, modelLabel);
        }
        ToolCall call = new ToolCall("call_sim_" + (state.toolCalls() + 1), action.tool(), arguments(action));
        Usage usage = Usage.of(promptTokens, TokenEstimate.of(call.name() + call.arguments()));
        return new ChatResponse(
                null, List.of(call), null, FinishReason.TOOL_CALLS, usage, List.of(), modelLabel, false);
    }

    /** The action for a tool the request forces: the policy's own when it matches, else that tool's best use. */
    private static OptimizerAction forced(OptimizerState state, String tool, ChatRequest request) {
        OptimizerAction natural = OptimizerPolicy.next(state, offers(request, INSPECT) && INSPECT.equals(tool));
        if (natural.tool().equals(tool)) {
            return natural;
        }
        return switch (tool) {
            case EVALUATE -> new OptimizerAction.Evaluate(state.candidate());
            case INSPECT ->
                new OptimizerAction.Inspect(
                        state.report() == null || state.report().modes().isEmpty()
                                ? ""
                                : OptimizerPolicy.ordered(state.report().modes())
                                        .get(0)
                                        .label(),
                        OptimizerPolicy.INSPECT_LIMIT);
            case DECIDE ->
                state.report() == null
                        ? new OptimizerAction.Stop(
                                "no diagnostic report yet", "I was made to decide before evaluate_prompt ran; I stop.")
                        : OptimizerPolicy.decide(state, state.report(), false);
            default -> natural;
        };
    }

    private static String arguments(OptimizerAction action) {
        ObjectNode arguments = SimJson.object();
        if (action instanceof OptimizerAction.Evaluate evaluate) {
            arguments
                    .put("system", evaluate.candidate().system())
                    .put("user", evaluate.candidate().user());
        } else if (action instanceof OptimizerAction.Inspect inspect) {
            arguments.put("mode", inspect.mode()).put("limit", inspect.limit());
        } else if (action instanceof OptimizerAction.Patch patch) {
            arguments.put("decision", "PATCH").put("system", patch.next().system());
            arguments.put("rationale", patch.rationale());
            ArrayNode targets = arguments.putArray("targets");
            patch.targets().forEach(targets::add);
        } else if (action instanceof OptimizerAction.Stop stop) {
            arguments.put("decision", "STOP").put("rationale", stop.rationale());
            arguments.putArray("targets");
            arguments.put("reason", stop.reason());
        }
        return SimJson.write(arguments);
    }

    private static String describe(OptimizerAction action) {
        if (action instanceof OptimizerAction.Inspect inspect) {
            return "I would inspect the failures of '" + inspect.mode() + "'.";
        }
        if (action instanceof OptimizerAction.Patch patch) {
            return "PATCH " + patch.targets() + ": " + patch.rationale();
        }
        if (action instanceof OptimizerAction.Stop stop) {
            return "STOP: " + stop.reason() + ". " + stop.rationale();
        }
        return NEEDS_EVALUATION;
    }

    private static ChatResponse text(String text, long promptTokens, String modelLabel) {
        Usage usage = Usage.of(promptTokens, TokenEstimate.of(text));
        return new ChatResponse(text, List.of(), null, FinishReason.STOP, usage, List.of(), modelLabel, false);
    }

    private static boolean offers(ChatRequest request, String tool) {
        for (ToolDefinition definition : request.tools()) {
            if (definition.name().equals(tool)) {
                return true;
            }
        }
        return false;
    }
}
