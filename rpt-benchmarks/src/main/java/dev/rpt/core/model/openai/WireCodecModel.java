package dev.rpt.core.model.openai;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ModelInfo;
import java.util.function.Function;

/**
 * The OpenAI provider's wire work without the network: every request is encoded to the exact bytes the provider
 * would send, and the reply is decoded from the exact body a server would return. It lives in the provider's package
 * only to reach the package-private codec; the JMH benchmark uses it to time the per-case path without HTTP.
 */
public final class WireCodecModel implements ChatModel {

    private final ChatRequestWriter writer;
    private final ChatResponseReader reader;
    private final Function<byte[], String> server;
    private final ModelInfo info;

    /**
     * @param model the model name written into each request
     * @param server the reply body for a request body, standing in for the server
     */
    public WireCodecModel(String model, Function<byte[], String> server) {
        this.writer = new ChatRequestWriter(model, OpenAiOptions.DEFAULTS);
        this.reader = new ChatResponseReader(model);
        this.server = server;
        this.info = new ModelInfo(OpenAiProvider.ID, model, false);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return reader.read(server.apply(writer.write(request)));
    }

    @Override
    public ModelInfo info() {
        return info;
    }
}
