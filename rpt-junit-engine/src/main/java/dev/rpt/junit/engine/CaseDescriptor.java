package dev.rpt.junit.engine;

import dev.rpt.api.PromptCase;
import dev.rpt.core.config.ModelTarget;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * One case on one model: a test whose outcome is the user's assertions on the model's answer. In a run that names
 * its models, each case has one test per model, named {@code method[model][id]}.
 */
final class CaseDescriptor extends AbstractTestDescriptor implements Node<RptExecutionContext> {

    static final String SEGMENT = "case";

    /** The segment before {@link #SEGMENT} that names the model, in a run that names its models. */
    static final String MODEL_SEGMENT = "model";

    private final PromptCase promptCase;
    private final Method method;
    private final Optional<String> model;

    CaseDescriptor(
            UniqueId uniqueId, PromptCase promptCase, MethodSource source, Method method, Optional<String> model) {
        super(uniqueId, model.map(name -> "[" + name + "] ").orElse("") + promptCase.id(), source);
        this.promptCase = promptCase;
        this.method = method;
        this.model = model;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public String getLegacyReportingName() {
        return method.getName() + ModelTarget.suffix(model) + "[" + promptCase.id() + "]";
    }

    PromptCase promptCase() {
        return promptCase;
    }

    Method method() {
        return method;
    }

    /** The model configuration the case runs on; empty in a run with one unnamed model. */
    Optional<String> model() {
        return model;
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
