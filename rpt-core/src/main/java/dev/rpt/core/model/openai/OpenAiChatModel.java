package dev.rpt.core.model.openai;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ModelInfo;

/** A {@link ChatModel} over one of OpenAI's chat wires ({@link WireApi}). Immutable, so thread-safe. */
final class OpenAiChatModel implements ChatModel {

    private final ModelInfo info;
    private final OpenAiTransport transport;
    private final WireApi wire;

    /** @param provider the provider id the model is known by, in the cache key and the report */
    OpenAiChatModel(String provider, String model, WireApi wire, OpenAiTransport transport) {
        this.info = new ModelInfo(provider, model, false);
        this.transport = transport;
        this.wire = wire;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return wire.read(transport.post(wire.path(), wire.write(request)));
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public String toString() {
        return "OpenAiChatModel[" + info.label() + " over " + wire.path() + ", " + transport + "]";
    }
}
