package dev.rpt.bench;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.openai.OpenAiProvider;
import dev.rpt.core.model.openai.OpenAiWireCodec;
import java.util.function.Function;

/**
 * The OpenAI provider's wire work without the network: every request is encoded to the exact bytes the provider
 * would send, and the reply is decoded from the exact body a server would return, through {@link OpenAiWireCodec}.
 * The JMH benchmark uses it to time the per-case path without HTTP.
 */
public final class WireCodecModel implements ChatModel {

    private final OpenAiWireCodec codec;
    private final Function<byte[], String> server;
    private final ModelInfo info;

    /**
     * @param model the model name written into each request
     * @param server the reply body for a request body, standing in for the server
     */
    public WireCodecModel(String model, Function<byte[], String> server) {
        this.codec = OpenAiWireCodec.forModel(model);
        this.server = server;
        this.info = new ModelInfo(OpenAiProvider.ID, model, false);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return codec.decode(server.apply(codec.encode(request)));
    }

    @Override
    public ModelInfo info() {
        return info;
    }
}
