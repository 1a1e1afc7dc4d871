package dev.rpt.tools.tune;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.api.ToolCall;
import dev.rpt.chat.ChatMessage;

/** {@code inspect_failures}: the traces of one failure mode of the latest evaluation. */
final class InspectHandler implements ToolHandler {

    private final DiagnosticFunction diagnostic;

    InspectHandler(DiagnosticFunction diagnostic) {
        this.diagnostic = diagnostic;
    }

    @Override
    public void handle(ToolCall call, JsonNode arguments, TuneState state) {
        if (ToolHandler.nothingEvaluated(call, state)) {
            return;
        }
        int limit = Math.max(1, Math.min(20, arguments.path("limit").asInt(5)));
        state.conversation.add(ChatMessage.toolResult(
                call.id(), diagnostic.inspect(arguments.path("mode").asText(), limit)));
    }
}
