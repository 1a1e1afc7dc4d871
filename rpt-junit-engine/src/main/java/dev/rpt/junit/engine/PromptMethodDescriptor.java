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

/**
 * A case method: one child test per case of its {@code @Cases} files and {@code @Case} annotations, and per model in
 * a run that names its models.
 */
final class PromptMethodDescriptor extends AbstractTestDescriptor implements Node<RptExecutionContext> {

    static final String SEGMENT = "method";

    private final Method method;
    private final Map<String, PromptCase> cases = new LinkedHashMap<>();
    private final List<Optional<String>> models;

    PromptMethodDescriptor(
            UniqueId uniqueId,
            Class<?> testClass,
            Method method,
            List<PromptCase> cases,
            List<Optional<String>> models) {
        super(uniqueId, method.getName(), MethodSource.from(testClass, method));
        this.method = method;
        cases.forEach(c -> this.cases.put(c.id(), c));
        this.models = List.copyOf(models);
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

    /** The models every case runs on, in run order: one empty name in a run with one unnamed model. */
    List<Optional<String>> models() {
        return models;
    }

    /** The unique id of a case on a model: {@code .../[case:id]}, or {@code .../[model:name]/[case:id]}. */
    UniqueId caseId(Optional<String> model, String id) {
        UniqueId base = model.map(name -> getUniqueId().append(CaseDescriptor.MODEL_SEGMENT, name))
                .orElse(getUniqueId());
        return base.append(CaseDescriptor.SEGMENT, id);
    }

    Optional<CaseDescriptor> createCase(Optional<String> model, String id) {
        if (!models.contains(model)) {
            return Optional.empty();
        }
        return Optional.ofNullable(cases.get(id))
                .map(c -> new CaseDescriptor(
                        caseId(model, id), c, (MethodSource) getSource().orElseThrow(), method, model));
    }
}
