package dev.rpt.junit.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** The root: starts the run before the first class and finishes its report after the last. */
final class RptEngineDescriptor extends EngineDescriptor implements Node<RptExecutionContext> {

    RptEngineDescriptor(UniqueId uniqueId) {
        super(uniqueId, "rpt prompt tests");
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
