package dev.rpt.junit.engine;

import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/** What the nodes of one execution share: the request, and the run once the engine node has started it. */
final class RptExecutionContext implements EngineExecutionContext {

    private final ExecutionRequest request;
    private final RunSession session;

    RptExecutionContext(ExecutionRequest request) {
        this(request, null);
    }

    private RptExecutionContext(ExecutionRequest request, RunSession session) {
        this.request = request;
        this.session = session;
    }

    ExecutionRequest request() {
        return request;
    }

    RunSession session() {
        if (session == null) {
            throw new IllegalStateException("the rpt run has not started");
        }
        return session;
    }

    boolean hasSession() {
        return session != null;
    }

    RptExecutionContext withSession(RunSession session) {
        return new RptExecutionContext(request, session);
    }
}
