package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.EmbeddingModel;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.tools.diagnose.CriticAnalyzer;
import dev.rpt.tools.diagnose.DeterministicAnalyzer;
import dev.rpt.tools.diagnose.FailureAnalyzer;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.apiguardian.api.API;

/** Builds the diagnostic function of one prompt: the one place the goals wire rpt-core's implementation. */
@API(status = INTERNAL, since = "0.1")
public final class DiagnosticFunctions {

    private DiagnosticFunctions() {}

    /**
     * @param runner runs the prompt's classes with a candidate, in the isolated class loader
     * @param promptResource the prompt resource, e.g. {@code prompts/math.prompt}
     * @param goals the prompt's thresholds, which the diagnostic report states
     * @param critic the critic model, or none for the deterministic fallback
     * @param embeddings the embedding model that groups the critic's labels, or none for one grouping call
     * @param executor runs the critiques in parallel
     * @param settings the tune's settings ({@code rpt.diagnose.max-critiques} among them)
     * @param config the whole configuration ({@code rpt.metrics.bins})
     */
    public static DiagnosticFunction create(
            CandidateRunner runner,
            String promptResource,
            MetricBounds goals,
            Optional<ChatModel> critic,
            Optional<EmbeddingModel> embeddings,
            Executor executor,
            TuneSettings settings,
            RptConfig config) {
        // max-critiques 0 means no critic call at all: the deterministic grouping by failure kind.
        FailureAnalyzer analyzer = critic.isPresent() && settings.maxCritiques() > 0
                ? new CriticAnalyzer(critic.get(), embeddings, executor, settings.maxCritiques())
                : new DeterministicAnalyzer();
        MetricsOptions metrics = MetricsOptions.from(config);
        return new ReflectiveDiagnosticFunction(
                runner, promptResource, analyzer, goals, metrics, AdoptionPolicy.from(config));
    }
}
