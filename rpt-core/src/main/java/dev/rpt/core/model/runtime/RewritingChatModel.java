package dev.rpt.core.model.runtime;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ModelInfo;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Changes every request before it goes on, the announced ones too: {@code rpt.temperature=none} leaves the
 * temperature out ({@link #WITHOUT_TEMPERATURE}), and a role's output limit is set ({@link RoleLimit}). It sits
 * outside the cache, so that the cache key describes the request that is sent.
 */
final class RewritingChatModel implements ChatModel {

    /**
     * For {@code rpt.temperature=none}: reasoning models (OpenAI's gpt-5 and o-series, recent Claude models) accept
     * only their default temperature and answer any other value with a 400.
     */
    static final UnaryOperator<ChatRequest> WITHOUT_TEMPERATURE = request -> request.temperature() == null
            ? request
            : request.toBuilder().temperature(null).build();

    private final ChatModel delegate;
    private final UnaryOperator<ChatRequest> rewrite;

    RewritingChatModel(ChatModel delegate, UnaryOperator<ChatRequest> rewrite) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.rewrite = Objects.requireNonNull(rewrite, "rewrite");
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return delegate.chat(rewrite.apply(request));
    }

    @Override
    public void prefetch(List<ChatRequest> requests) {
        delegate.prefetch(requests.stream().map(rewrite).toList());
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
