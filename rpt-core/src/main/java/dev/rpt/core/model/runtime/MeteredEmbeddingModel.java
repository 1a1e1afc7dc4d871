package dev.rpt.core.model.runtime;

import dev.rpt.core.model.EmbeddingModel;
import dev.rpt.core.model.Embeddings;
import dev.rpt.core.model.ModelInfo;
import java.util.List;
import java.util.Objects;

/** Records every embeddings call, its usage or its failure, into a {@link UsageLedger}. */
final class MeteredEmbeddingModel implements EmbeddingModel {

    private final EmbeddingModel delegate;
    private final UsageLedger ledger;

    MeteredEmbeddingModel(EmbeddingModel delegate, UsageLedger ledger) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    @Override
    public Embeddings embed(List<String> texts) {
        if (texts.isEmpty()) {
            // No request is made, so there is nothing to count.
            return delegate.embed(texts);
        }
        Embeddings embeddings;
        try {
            embeddings = delegate.embed(texts);
        } catch (RuntimeException e) {
            ledger.recordFailure(delegate.info());
            throw e;
        }
        if (embeddings.cached()) {
            ledger.recordCachedUsage(delegate.info(), embeddings.usage());
        } else {
            ledger.recordUsage(delegate.info(), embeddings.usage());
        }
        return embeddings;
    }

    @Override
    public ModelInfo info() {
        return delegate.info();
    }
}
