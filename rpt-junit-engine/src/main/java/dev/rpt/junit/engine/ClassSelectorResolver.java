package dev.rpt.junit.engine;

import java.util.Optional;
import java.util.function.Predicate;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves a class selector into a prompt test class with its case methods and thresholds test. Package,
 * classpath-root and module selectors arrive here as class selectors.
 */
final class ClassSelectorResolver implements SelectorResolver {

    private final Predicate<String> classNameFilter;
    private final PromptDescriptors descriptors;

    ClassSelectorResolver(Predicate<String> classNameFilter, PromptDescriptors descriptors) {
        this.classNameFilter = classNameFilter;
        this.descriptors = descriptors;
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        Class<?> testClass = selector.getJavaClass();
        if (!PromptTestClass.isCandidate(testClass)
                || !classNameFilter.test(testClass.getName())
                || !descriptors.runsPrompt(testClass)) {
            return Resolution.unresolved();
        }
        return context.addToParent(parent -> Optional.of(descriptors.classDescriptor(parent, testClass)))
                .map(descriptor -> Resolution.match(Match.exact(descriptor, () -> descriptors.children(descriptor))))
                .orElse(Resolution.unresolved());
    }
}
