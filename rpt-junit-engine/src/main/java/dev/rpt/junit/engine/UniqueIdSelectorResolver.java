package dev.rpt.junit.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves the unique ids of the {@code rpt} engine, as IDEs send them to run one class, method, case or thresholds
 * test again: a class or method id becomes its class or method selector; a case or thresholds test is added under its
 * parent, which is asked for by its class or method selector.
 */
final class UniqueIdSelectorResolver implements SelectorResolver {

    private final PromptDescriptors descriptors;

    UniqueIdSelectorResolver(PromptDescriptors descriptors) {
        this.descriptors = descriptors;
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId uniqueId = selector.getUniqueId();
        List<UniqueId.Segment> segments = uniqueId.getSegments();
        if (segments.size() < 2 || !segments.get(0).getValue().equals(RptTestEngine.ENGINE_ID)) {
            return Resolution.unresolved();
        }
        UniqueId.Segment last = uniqueId.getLastSegment();
        return switch (last.getType()) {
            case PromptClassDescriptor.SEGMENT ->
                ReflectionSupport.tryToLoadClass(last.getValue())
                        .toOptional()
                        .map(type -> Resolution.selectors(Set.of(selectClass(type))))
                        .orElse(Resolution.unresolved());
            case PromptMethodDescriptor.SEGMENT ->
                PromptDescriptors.methodSelector(uniqueId)
                        .map(method -> Resolution.selectors(Set.of(method)))
                        .orElse(Resolution.unresolved());
            case CaseDescriptor.SEGMENT -> {
                // A named model's case has a model segment between the method and the case.
                UniqueId parentId = uniqueId.removeLastSegment();
                Optional<String> model = Optional.empty();
                if (parentId.getLastSegment().getType().equals(CaseDescriptor.MODEL_SEGMENT)) {
                    model = Optional.of(parentId.getLastSegment().getValue());
                    parentId = parentId.removeLastSegment();
                }
                Optional<String> onModel = model;
                // The parent is asked for by its method selector, which resolves to the method itself.
                yield PromptDescriptors.methodSelector(parentId)
                        .flatMap(method -> context.addToParent(
                                () -> method,
                                parent -> parent instanceof PromptMethodDescriptor owner
                                        ? owner.createCase(onModel, last.getValue())
                                        : Optional.empty()))
                        .map(descriptor -> Resolution.match(Match.exact(descriptor)))
                        .orElse(Resolution.unresolved());
            }
            case ThresholdsDescriptor.SEGMENT ->
                ReflectionSupport.tryToLoadClass(
                                uniqueId.removeLastSegment().getLastSegment().getValue())
                        .toOptional()
                        .flatMap(type -> context.addToParent(
                                () -> selectClass(type),
                                parent -> parent instanceof PromptClassDescriptor owner
                                        ? descriptors.thresholdsDescriptor(owner, last.getValue())
                                        : Optional.empty()))
                        .map(descriptor -> Resolution.match(Match.exact(descriptor)))
                        .orElse(Resolution.unresolved());
            default -> Resolution.unresolved();
        };
    }
}
