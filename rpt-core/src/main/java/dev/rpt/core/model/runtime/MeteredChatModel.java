package dev.rpt.core.model.runtime;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ModelInfo;
import java.util.List;
import java.util.Objects;

/** Records every call, its reply's usage or its failure, into a {@link UsageLedger}. */
final class MeteredChatModel implements ChatModel {

    private final ChatModel delegate;
    private final UsageLedger ledger;

    MeteredChatModel(ChatModel delegate, UsageLedger ledger) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        ChatResponse response;
        try {
            response = delegate.chat(request);
        } catch (RuntimeException e) {
            ledger.recordFailure(delegate.info());
            throw e;
        }
        ledger.recordResponse(delegate.info(), response);
        return response;
    }

    @Override
    public void prefetch(List<ChatRequest> requests) {
        delegate.prefetch(requests);
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
