package dev.rpt.core.model.runtime;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ModelInfo;
import java.util.List;
import java.util.Objects;

/**
 * Leaves the temperature out of every request, for {@code rpt.temperature=none}: reasoning models (OpenAI's gpt-5 and
 * o-series, recent Claude models) accept only their default and answer any other value with a 400. It sits outside
 * the cache, so that the cache key describes the request that is sent.
 */
final class DefaultTemperatureChatModel implements ChatModel {

    private final ChatModel delegate;

    DefaultTemperatureChatModel(ChatModel delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return delegate.chat(withoutTemperature(request));
    }

    @Override
    public void prefetch(List<ChatRequest> requests) {
        delegate.prefetch(requests.stream()
                .map(DefaultTemperatureChatModel::withoutTemperature)
                .toList());
    }

    private static ChatRequest withoutTemperature(ChatRequest request) {
        return request.temperature() == null
                ? request
                : request.toBuilder().temperature(null).build();
    }

    @Override
    public ModelInfo info() {
        return delegate.info();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
