package dev.rpt.tools.tune;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.api.ToolCall;
import dev.rpt.chat.ChatMessage;
import java.io.IOException;

/** One function the optimizer can call: it answers the call in the tune's conversation, and may stop the tune. */
@FunctionalInterface
interface ToolHandler {

    void handle(ToolCall call, JsonNode arguments, TuneState state) throws IOException;

    /** Whether nothing was evaluated yet; if so, the call is answered with the error that says to evaluate first. */
    static boolean nothingEvaluated(ToolCall call, TuneState state) {
        if (state.latest().isPresent()) {
            return false;
        }
        state.conversation.add(ChatMessage.toolError(call.id(), "Nothing evaluated yet. Call evaluate_prompt first."));
        return true;
    }

    /** The answer to a function the tuner does not serve. */
    ToolHandler UNKNOWN = (call, arguments, state) -> state.conversation.add(ChatMessage.toolError(
            call.id(), "Unknown function " + call.name() + ". Use evaluate_prompt, inspect_failures or decide."));
}
