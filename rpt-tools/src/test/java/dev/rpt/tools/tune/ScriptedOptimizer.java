package dev.rpt.tools.tune;

import dev.rpt.api.ToolCall;
import dev.rpt.api.Usage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.ServerErrorException;
import dev.rpt.core.model.runtime.UsageLedger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** An optimizer that plays a fixed script of replies and keeps the requests it was sent. */
class ScriptedOptimizer implements ChatModel {
    final Deque<ChatResponse> script;
    final List<ChatRequest> requests = new ArrayList<>();
    UsageLedger ledger;
    boolean failWhenDone;

    /** A reply that calls one function. */
    static ChatResponse call(String name, String arguments) {
        return new ChatResponse(
                null,
                List.of(new ToolCall("call_" + name + "_" + arguments.hashCode(), name, arguments)),
                null,
                FinishReason.TOOL_CALLS,
                Usage.of(100, 20),
                List.of(),
                "opt",
                false);
    }

    ScriptedOptimizer(ChatResponse... responses) {
        this.script = new ArrayDeque<>(List.of(responses));
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        requests.add(request);
        if (script.isEmpty() && failWhenDone) {
            throw new ServerErrorException(503, "HTTP 503: Service Unavailable", null);
        }
        if (script.isEmpty()) {
            throw new AssertionError("the optimizer script ran out after " + requests.size() + " requests");
        }
        ChatResponse response = script.poll();
        ledger.recordResponse(info(), response);
        return response;
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo("fake", "opt", false);
    }
}
