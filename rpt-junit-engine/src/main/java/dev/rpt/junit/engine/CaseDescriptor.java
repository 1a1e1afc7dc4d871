package dev.rpt.junit.engine;

import dev.rpt.api.PromptCase;
import java.lang.reflect.Method;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.hierarchical.Node;

/** One case: a test whose outcome is the user's assertions on the model's answer. */
final class CaseDescriptor extends AbstractTestDescriptor implements Node<RptExecutionContext> {

    static final String SEGMENT = "case";

    private final PromptCase promptCase;
    private final Method method;

    CaseDescriptor(UniqueId uniqueId, PromptCase promptCase, MethodSource source, Method method) {
        super(uniqueId, promptCase.id(), source);
        this.promptCase = promptCase;
        this.method = method;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public String getLegacyReportingName() {
        return method.getName() + "[" + promptCase.id() + "]";
    }

    PromptCase promptCase() {
        return promptCase;
    }

    Method method() {
        return method;
    }

    PromptClassDescriptor testClass() {
        return PromptClassDescriptor.of(getParent().orElseThrow().getParent().orElseThrow());
    }

    @Override
    public RptExecutionContext execute(RptExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        context.classRun().runCase(this);
        return context;
    }
}
