package dev.rpt.tools.diagnose;

import dev.rpt.api.Usage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.model.ModelInfo;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A fake critic: answers each request with the text a script computes, and records every request. */
final class ScriptedChatModel implements ChatModel {

    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private final Function<ChatRequest, String> script;

    ScriptedChatModel(Function<ChatRequest, String> script) {
        this.script = script;
    }

    static ChatResponse reply(String text) {
        return new ChatResponse(text, List.of(), null, FinishReason.STOP, Usage.ZERO, List.of(), "critic", false);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        requests.add(request);
        return reply(script.apply(request));
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo("fake", "critic", true);
    }

    List<ChatRequest> requestsNamed(String format) {
        return requests.stream()
                .filter(r ->
                        r.responseFormat() != null && r.responseFormat().name().equals(format))
                .toList();
    }
}
