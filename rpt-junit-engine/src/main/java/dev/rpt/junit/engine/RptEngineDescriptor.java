package dev.rpt.junit.engine;

import dev.rpt.core.config.RptConfig;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** The root: starts the run before the first class and finishes its report after the last. */
final class RptEngineDescriptor extends EngineDescriptor implements Node<RptExecutionContext> {

    private final RptConfig config;

    RptEngineDescriptor(UniqueId uniqueId, RptConfig config) {
        super(uniqueId, "rpt prompt tests");
        this.config = config;
    }

    /** The run's {@code rpt.*} configuration, read once at discovery for discovery and execution alike. */
    RptConfig config() {
        return config;
    }

    @Override
    public RptExecutionContext before(RptExecutionContext context) {
        // No prompt tests selected (e.g. a Jupiter-only test run): do not require a model or write a report.
        return getChildren().isEmpty() ? context : context.withSession(RunSession.start(context.request(), this));
    }

    @Override
    public void after(RptExecutionContext context) throws Exception {
        if (context.hasSession()) {
            context.session().finish(this);
        }
    }
}
