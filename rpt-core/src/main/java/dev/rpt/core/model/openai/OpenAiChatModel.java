package dev.rpt.core.model.openai;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ModelInfo;

/** A {@link ChatModel} over {@code POST {base}/chat/completions}. Immutable, so thread-safe. */
final class OpenAiChatModel implements ChatModel {

    static final String PATH = "chat/completions";

    private final ModelInfo info;
    private final OpenAiTransport transport;
    private final ChatRequestWriter writer;
    private final ChatResponseReader reader;

    OpenAiChatModel(String model, OpenAiOptions options, OpenAiTransport transport) {
        this.info = new ModelInfo(OpenAiProvider.ID, model, false);
        this.transport = transport;
        this.writer = new ChatRequestWriter(model, options);
        this.reader = new ChatResponseReader(model);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return reader.read(transport.post(PATH, writer.write(request)));
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public String toString() {
        return "OpenAiChatModel[" + info.label() + ", " + transport + "]";
    }
}
