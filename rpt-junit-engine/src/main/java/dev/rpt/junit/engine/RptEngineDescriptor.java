package dev.rpt.junit.engine;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.ModelMatrix;
import dev.rpt.core.config.ModelTarget;
import dev.rpt.core.config.RptConfig;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** The root: starts the run before the first class and finishes its report after the last. */
final class RptEngineDescriptor extends EngineDescriptor implements Node<RptExecutionContext> {

    private final RptConfig config;
    private final List<Optional<String>> models;

    RptEngineDescriptor(UniqueId uniqueId, RptConfig config) {
        super(uniqueId, "rpt prompt tests");
        this.config = config;
        this.models = modelNames(config);
    }

    /**
     * The names of the run's models, in run order: one empty name for a run with one unnamed model. A malformed
     * {@code rpt.models} discovers as one model; the run then fails at its start with the configuration's message.
     */
    List<Optional<String>> models() {
        return models;
    }

    private static List<Optional<String>> modelNames(RptConfig config) {
        try {
            return ModelMatrix.from(config).targets().stream()
                    .map(ModelTarget::name)
                    .toList();
        } catch (ConfigException e) {
            return List.of(Optional.empty());
        }
    }

    /** The run's {@code rpt.*} configuration, read once at discovery for discovery and execution alike. */
    RptConfig config() {
        return config;
    }

    @Override
    public RptExecutionContext before(RptExecutionContext context) {
        // No prompt tests selected (e.g. a Jupiter-only test run): do not require a model or write a report.
        if (getChildren().isEmpty()) {
            return context;
        }
        RunSession session = RunSession.start(context.request(), this);
        // Before the first class: a provider's batch answers the whole run's uncached calls at once.
        try {
            session.prefetch(this);
        } catch (RuntimeException e) {
            session.abandon();
            throw e;
        }
        return context.withSession(session);
    }

    @Override
    public void after(RptExecutionContext context) throws Exception {
        if (context.hasSession()) {
            context.session().finish(this);
        }
    }
}
