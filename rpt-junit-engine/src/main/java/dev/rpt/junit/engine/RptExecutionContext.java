package dev.rpt.junit.engine;

import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/**
 * What a node hands its children: the request; the run, once the engine node has started it; and the class's run,
 * once a class node has started it.
 */
final class RptExecutionContext implements EngineExecutionContext {

    private final ExecutionRequest request;
    private final RunSession session;
    private final ClassRun classRun;

    RptExecutionContext(ExecutionRequest request) {
        this(request, null, null);
    }

    private RptExecutionContext(ExecutionRequest request, RunSession session, ClassRun classRun) {
        this.request = request;
        this.session = session;
        this.classRun = classRun;
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
        return new RptExecutionContext(request, session, null);
    }

    ClassRun classRun() {
        if (classRun == null) {
            throw new IllegalStateException("the prompt test class has not started");
        }
        return classRun;
    }

    RptExecutionContext withClassRun(ClassRun run) {
        return new RptExecutionContext(request, session, run);
    }
}
