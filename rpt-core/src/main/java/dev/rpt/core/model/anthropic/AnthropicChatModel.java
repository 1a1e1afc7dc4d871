package dev.rpt.core.model.anthropic;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ModelInfo;

/**
 * One Anthropic model behind the Messages API. Sends each request once: retries, the concurrency limit and the
 * cache are decorators around this class. Thread-safe, as the client and all fields are immutable.
 */
final class AnthropicChatModel implements ChatModel {

    private final AnthropicHttp http;
    private final String url;
    private final String model;
    private final AnthropicOptions options;

    /**
     * @param url the Messages endpoint
     * @param options how the model thinks and how structured output and tools go out
     */
    AnthropicChatModel(AnthropicHttp http, String url, String model, AnthropicOptions options) {
        this.http = http;
        this.url = url;
        this.model = model;
        this.options = options;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        RequestEncoder.Encoded encoded = RequestEncoder.encode(model, request, options);
        return ResponseDecoder.decode(http.post(url, encoded.json()), encoded.formatTool(), model);
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo(AnthropicProvider.ID, model, false);
    }

    @Override
    public String toString() {
        return "AnthropicChatModel[" + model + " at " + url + ", " + http + "]";
    }
}
