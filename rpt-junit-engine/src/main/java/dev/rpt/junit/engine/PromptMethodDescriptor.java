package dev.rpt.junit.engine;

import dev.rpt.api.PromptCase;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.hierarchical.Node;

/** A case method: one child test per case of its {@code @Cases} files and {@code @Case} annotations. */
final class PromptMethodDescriptor extends AbstractTestDescriptor implements Node<RptExecutionContext> {

    static final String SEGMENT = "method";

    private final Method method;
    private final Map<String, PromptCase> cases = new LinkedHashMap<>();

    PromptMethodDescriptor(UniqueId uniqueId, Class<?> testClass, Method method, List<PromptCase> cases) {
        super(uniqueId, method.getName(), MethodSource.from(testClass, method));
        this.method = method;
        cases.forEach(c -> this.cases.put(c.id(), c));
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    Method method() {
        return method;
    }

    /** The cases discovered for this method, by id. */
    Map<String, PromptCase> allCases() {
        return cases;
    }

    Optional<CaseDescriptor> createCase(String id) {
        return Optional.ofNullable(cases.get(id))
                .map(c -> new CaseDescriptor(
                        getUniqueId().append(CaseDescriptor.SEGMENT, id),
                        c,
                        (MethodSource) getSource().orElseThrow(),
                        method));
    }
}
